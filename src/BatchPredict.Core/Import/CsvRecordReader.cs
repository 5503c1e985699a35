using System.Text;

namespace BatchPredict.Core.Import;

/// <summary>A CSV field and whether it was quoted (a quoted empty field is an empty string, an unquoted one is null).</summary>
internal readonly record struct CsvField(string Text, bool Quoted);

/// <summary>One record: the line it starts on, its fields, or why it could not be split.</summary>
internal sealed record CsvRecord(long Line, IReadOnlyList<CsvField> Fields, string? Error);

/// <summary>
/// Splits RFC 4180 text into records: comma-separated, fields optionally in double quotes, a doubled quote inside quotes
/// is one quote, and a quoted field may span lines (its line breaks become "\n"). Blank lines are skipped.
/// A stray quote, text after a closing quote or a quote left open at the end of the file makes that record an error.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder _quoted = new();
    private long _line;

    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken ct)
    {
        string? line;
        do
        {
            line = await reader.ReadLineAsync(ct);
            if (line is null)
            {
                return null;
            }

            _line++;
        }
        while (line.Length == 0);

        var start = _line;
        var fields = new List<CsvField>();
        var position = 0;
        while (true)
        {
            if (position < line.Length && line[position] == '"')
            {
                var (text, next, error) = await ReadQuotedAsync(line, position + 1, ct);
                if (error is not null)
                {
                    return new CsvRecord(start, fields, error);
                }

                line = text.Line;
                fields.Add(new CsvField(text.Value, Quoted: true));
                position = next;
                if (position < line.Length && line[position] != ',')
                {
                    return new CsvRecord(start, fields, $"unexpected character '{line[position]}' after the closing quote of field {fields.Count}");
                }
            }
            else
            {
                var end = line.IndexOf(',', position);
                var value = end < 0 ? line[position..] : line[position..end];
                if (value.Contains('"'))
                {
                    return new CsvRecord(start, fields, $"a quote inside unquoted field {fields.Count + 1}");
                }

                fields.Add(new CsvField(value, Quoted: false));
                position = end < 0 ? line.Length : end;
            }

            if (position >= line.Length)
            {
                return new CsvRecord(start, fields, null);
            }

            position++; // past the comma
            if (position == line.Length)
            {
                fields.Add(new CsvField(string.Empty, Quoted: false));
                return new CsvRecord(start, fields, null);
            }
        }
    }

    /// <summary>Reads a quoted field from just after its opening quote, pulling in further lines while it stays open.</summary>
    private async ValueTask<((string Value, string Line) Text, int Next, string? Error)> ReadQuotedAsync(
        string line, int position, CancellationToken ct)
    {
        _quoted.Clear();
        while (true)
        {
            var quote = line.IndexOf('"', position);
            if (quote < 0)
            {
                _quoted.Append(line, position, line.Length - position).Append('\n');
                var next = await reader.ReadLineAsync(ct);
                if (next is null)
                {
                    return ((string.Empty, line), 0, "a quoted field is still open at the end of the file");
                }

                _line++;
                line = next;
                position = 0;
                continue;
            }

            _quoted.Append(line, position, quote - position);
            if (quote + 1 < line.Length && line[quote + 1] == '"')
            {
                _quoted.Append('"');
                position = quote + 2;
                continue;
            }

            return ((_quoted.ToString(), line), quote + 1, null);
        }
    }
}
