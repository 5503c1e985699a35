namespace BatchPredict.Core.Import;

/// <summary>The running counts of one import; keeps only the first bad rows so a file full of them costs no memory.</summary>
internal sealed class ImportTally(int badRowsKept)
{
    private readonly List<BadRow> _firstBadRows = [];

    public long RowsRead { get; set; }

    public long Inserted { get; set; }

    public long BadRowCount { get; private set; }

    public IReadOnlyList<BadRow> FirstBadRows => _firstBadRows;

    public void AddBad(BadRow badRow)
    {
        BadRowCount++;
        if (_firstBadRows.Count < badRowsKept)
        {
            _firstBadRows.Add(badRow);
        }
    }
}
