namespace BatchPredict.Core.Import;

/// <summary>
/// The outcome of an import. <see cref="FirstBadRows"/> keeps the first few bad rows with their reasons;
/// <see cref="BadRowCount"/> counts them all. When <see cref="Cancelled"/>, the documents inserted so far stay and
/// <see cref="RowsRead"/> says how far into the file the import got.
/// </summary>
public sealed record ImportSummary(
    string File,
    ImportFormat Format,
    string Collection,
    long RowsRead,
    long Inserted,
    long BadRowCount,
    IReadOnlyList<BadRow> FirstBadRows,
    TimeSpan Elapsed,
    bool Cancelled)
{
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? RowsRead / Elapsed.TotalSeconds : 0;
}
