using System.Runtime.CompilerServices;
using MongoDB.Bson;
using Parquet;
using Parquet.Schema;

namespace BatchPredict.Core.Import;

/// <summary>
/// Reads a Parquet file row group by row group and, inside a row group, column by column, so memory holds one row
/// group's typed columns at a time whatever the file's size. Flat schemas only: a nested, list or map column is
/// refused when the file is opened, naming the column.
/// </summary>
internal sealed class ParquetRowReader : IRowReader
{
    private readonly string _path;
    private readonly ParquetReader _reader;
    private readonly DataField[] _fields;

    private ParquetRowReader(string path, ParquetReader reader, DataField[] fields)
    {
        _path = path;
        _reader = reader;
        _fields = fields;
    }

    public long? TotalRows => _reader.Metadata?.NumRows;

    public static async Task<ParquetRowReader> OpenAsync(string path, CancellationToken ct)
    {
        var stream = RowReaders.OpenFile(path);
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, parquetOptions: null, leaveStreamOpen: false, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await stream.DisposeAsync();
            throw new BatchPredictException($"'{path}' is not a readable Parquet file: {e.Message}", e);
        }

        var nested = reader.Schema.Fields.FirstOrDefault(f => f is not DataField { IsArray: false });
        if (nested is not null)
        {
            await reader.DisposeAsync();
            throw new BatchPredictException(
                $"'{path}': column '{nested.Name}' is a nested, list or map column; only flat Parquet schemas can be imported.");
        }

        return new ParquetRowReader(path, reader, reader.Schema.DataFields);
    }

    public async IAsyncEnumerable<ImportBatch> ReadAsync(int batchSize, long? maxRows, [EnumeratorCancellation] CancellationToken ct)
    {
        var batch = new BatchBuilder(batchSize, "row");
        long rowNumber = 0;
        for (var group = 0; group < _reader.RowGroupCount && (maxRows is null || rowNumber < maxRows); group++)
        {
            var (columns, rows) = await ReadRowGroupAsync(group, ct);
            for (var row = 0; row < rows && (maxRows is null || rowNumber < maxRows); row++)
            {
                rowNumber++;
                AddRow(batch, columns, row, rowNumber);
                if (batch.IsFull)
                {
                    yield return batch.Take();
                }
            }
        }

        if (batch.Count > 0)
        {
            yield return batch.Take();
        }
    }

    public ValueTask DisposeAsync() => _reader.DisposeAsync();

    private async Task<(ParquetColumn[] Columns, int Rows)> ReadRowGroupAsync(int group, CancellationToken ct)
    {
        using var rowGroup = _reader.OpenRowGroupReader(group);
        var rows = checked((int)rowGroup.RowCount);
        var columns = new ParquetColumn[_fields.Length];
        try
        {
            for (var i = 0; i < _fields.Length; i++)
            {
                columns[i] = await ParquetColumn.ReadAsync(rowGroup, _fields[i], rows, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not BatchPredictException)
        {
            throw new BatchPredictException($"'{_path}': row group {group + 1} cannot be read: {e.Message}", e);
        }

        return (columns, rows);
    }

    private static void AddRow(BatchBuilder batch, ParquetColumn[] columns, int row, long rowNumber)
    {
        var document = new BsonDocument();
        foreach (var column in columns)
        {
            try
            {
                document.Add(column.Name, column[row]);
            }
            catch (InvalidImportValueException e)
            {
                batch.AddBad(rowNumber, $"column '{column.Name}': {e.Message}");
                return;
            }
        }

        batch.Add(document, rowNumber);
    }
}
