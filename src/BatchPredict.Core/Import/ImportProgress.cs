namespace BatchPredict.Core.Import;

/// <summary>
/// Where an import stands, reported after each batch. <see cref="TotalRows"/> is known up front for Parquet
/// (from its metadata, capped by --rows) and null otherwise.
/// </summary>
public sealed record ImportProgress(long RowsRead, long Inserted, long BadRows, long? TotalRows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? RowsRead / Elapsed.TotalSeconds : 0;
}
