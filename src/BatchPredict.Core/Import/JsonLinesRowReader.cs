using System.Runtime.CompilerServices;
using MongoDB.Bson;

namespace BatchPredict.Core.Import;

/// <summary>
/// Reads JSON lines: one document per line, parsed as MongoDB Extended JSON (relaxed or canonical), so
/// <c>{"$date": ...}</c>, <c>{"$numberLong": ...}</c>, <c>{"$oid": ...}</c> and the like keep their BSON types; plain
/// JSON integers become Int32 (Int64 when larger) and decimals Double. Strings stay strings, even ISO-8601-shaped
/// ones: Extended JSON has its own way to say "date", and guessing would retype ids and text. Blank lines are skipped.
/// A line that is not a JSON object is a bad row; a file whose first non-blank line does not start with '{' is not JSON lines.
/// </summary>
internal sealed class JsonLinesRowReader : IRowReader
{
    private readonly StreamReader _text;
    private string? _pending;
    private long _line;

    private JsonLinesRowReader(StreamReader text) => _text = text;

    public long? TotalRows => null;

    public static async Task<JsonLinesRowReader> OpenAsync(string path, CancellationToken ct)
    {
        var reader = new JsonLinesRowReader(RowReaders.OpenText(path));
        try
        {
            var first = await reader.NextLineAsync(ct);
            if (first is not null && !first.TrimStart().StartsWith('{'))
            {
                throw new BatchPredictException($"'{path}' is not a JSON lines file: line {reader._line} does not start with '{{'.");
            }

            reader._pending = first;
            return reader;
        }
        catch (Exception e) when (e is not BatchPredictException and not OperationCanceledException)
        {
            await reader.DisposeAsync();
            throw new BatchPredictException($"'{path}' cannot be read: {e.Message}", e);
        }
        catch
        {
            await reader.DisposeAsync();
            throw;
        }
    }

    public async IAsyncEnumerable<ImportBatch> ReadAsync(int batchSize, long? maxRows, [EnumeratorCancellation] CancellationToken ct)
    {
        var batch = new BatchBuilder(batchSize, "line");
        long rows = 0;
        while (maxRows is null || rows < maxRows)
        {
            var line = _pending ?? await NextLineAsync(ct);
            _pending = null;
            if (line is null)
            {
                break;
            }

            rows++;
            try
            {
                batch.Add(BsonDocument.Parse(line), _line);
            }
            catch (Exception e) when (e is FormatException or BsonException or InvalidOperationException or ArgumentException)
            {
                batch.AddBad(_line, $"not a JSON object: {e.Message}");
            }

            if (batch.IsFull)
            {
                yield return batch.Take();
            }
        }

        if (batch.Count > 0)
        {
            yield return batch.Take();
        }
    }

    public ValueTask DisposeAsync()
    {
        _text.Dispose();
        return ValueTask.CompletedTask;
    }

    private async ValueTask<string?> NextLineAsync(CancellationToken ct)
    {
        while (await _text.ReadLineAsync(ct) is { } line)
        {
            _line++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                return line;
            }
        }

        return null;
    }
}
