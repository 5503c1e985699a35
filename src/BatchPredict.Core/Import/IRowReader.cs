namespace BatchPredict.Core.Import;

/// <summary>
/// Streams a file's rows as batches of BSON documents. Memory stays flat: a reader holds at most one batch
/// (Parquet: one row group's columns) at a time. Bad rows are reported inside the batches and reading goes on.
/// </summary>
public interface IRowReader : IAsyncDisposable
{
    /// <summary>The rows that will be read, when the file says so up front (Parquet metadata); otherwise null.</summary>
    long? TotalRows { get; }

    /// <summary>
    /// Batches of up to <paramref name="batchSize"/> rows read (documents plus bad rows), stopping after
    /// <paramref name="maxRows"/> rows of the file when given.
    /// </summary>
    IAsyncEnumerable<ImportBatch> ReadAsync(int batchSize, long? maxRows, CancellationToken ct);
}
