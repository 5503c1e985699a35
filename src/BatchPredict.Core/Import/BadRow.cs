namespace BatchPredict.Core.Import;

/// <summary>
/// A row that could not be imported. <see cref="Unit"/> is "row" for Parquet (1-based row number in the file) and
/// "line" for CSV and JSON lines (1-based line number where the record starts; the CSV header is line 1).
/// </summary>
public sealed record BadRow(string Unit, long Number, string Reason)
{
    public override string ToString() => $"{Unit} {Number}: {Reason}";
}
