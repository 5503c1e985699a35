using MongoDB.Bson;

namespace BatchPredict.Core.Import;

/// <summary>
/// One batch from a reader: the documents read (with the row or line number of each, so a write error can be reported
/// against its row, in <see cref="Unit"/>s as in <see cref="BadRow"/>), the bad rows met on the way, and how many rows
/// of the file the batch consumed (good and bad).
/// </summary>
public sealed record ImportBatch(IReadOnlyList<BsonDocument> Documents, IReadOnlyList<long> Numbers, IReadOnlyList<BadRow> BadRows, string Unit)
{
    public long RowsRead => Documents.Count + BadRows.Count;
}
