using System.Runtime.CompilerServices;
using MongoDB.Bson;

namespace BatchPredict.Core.Import;

/// <summary>
/// Reads a CSV file with a header row into documents whose fields are the header's names, typed value by value
/// (see <see cref="CsvValues"/>). A record with the wrong number of fields, a quoting error or an invalid value is a
/// bad row reported with the line it starts on.
/// </summary>
internal sealed class CsvRowReader : IRowReader
{
    private readonly StreamReader _text;
    private readonly CsvRecordReader _records;
    private readonly string[] _header;

    private CsvRowReader(StreamReader text, CsvRecordReader records, string[] header)
    {
        _text = text;
        _records = records;
        _header = header;
    }

    public long? TotalRows => null;

    public static async Task<CsvRowReader> OpenAsync(string path, CancellationToken ct)
    {
        var text = RowReaders.OpenText(path);
        try
        {
            var records = new CsvRecordReader(text);
            var header = await ReadHeaderAsync(path, records, ct);
            return new CsvRowReader(text, records, header);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    public async IAsyncEnumerable<ImportBatch> ReadAsync(int batchSize, long? maxRows, [EnumeratorCancellation] CancellationToken ct)
    {
        var batch = new BatchBuilder(batchSize, "line");
        long rows = 0;
        while ((maxRows is null || rows < maxRows) && await _records.ReadAsync(ct) is { } record)
        {
            rows++;
            if (ToDocument(record, out var reason) is { } document)
            {
                batch.Add(document, record.Line);
            }
            else
            {
                batch.AddBad(record.Line, reason);
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

    private BsonDocument? ToDocument(CsvRecord record, out string reason)
    {
        if (record.Error is not null)
        {
            reason = record.Error;
            return null;
        }

        if (record.Fields.Count != _header.Length)
        {
            reason = $"expected {_header.Length} fields, found {record.Fields.Count}";
            return null;
        }

        var document = new BsonDocument();
        for (var i = 0; i < _header.Length; i++)
        {
            try
            {
                document.Add(_header[i], CsvValues.Infer(record.Fields[i]));
            }
            catch (InvalidImportValueException e)
            {
                reason = $"column '{_header[i]}': {e.Message}";
                return null;
            }
        }

        reason = string.Empty;
        return document;
    }

    private static async Task<string[]> ReadHeaderAsync(string path, CsvRecordReader records, CancellationToken ct)
    {
        var record = await records.ReadAsync(ct)
            ?? throw new BatchPredictException($"'{path}' is empty: a CSV file needs a header row with the column names.");
        var names = record.Fields.Select(f => f.Text).ToArray();
        if (record.Error is not null || names.Any(n => n.Contains('\0')))
        {
            throw new BatchPredictException($"'{path}' is not a CSV file: its header row cannot be read ({record.Error ?? "binary content"}).");
        }

        if (names.Any(string.IsNullOrWhiteSpace))
        {
            throw new BatchPredictException($"'{path}': the header row has an empty column name (column {Array.FindIndex(names, string.IsNullOrWhiteSpace) + 1}).");
        }

        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new BatchPredictException($"'{path}': the header row names column '{duplicate.Key}' more than once.");
        }

        return names;
    }
}
