using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Storage;

/// <summary>
/// The key of one index entry: the indexed values in field order, and the record for non-unique indexes. A single-field
/// key holds its value directly rather than in a one-element array: 32 bytes less per document and index (the _id index
/// alone has one entry per document).
/// </summary>
internal readonly struct IndexKey
{
    private readonly object _key;

    public IndexKey(BsonValue[] values, long recordId)
    {
        _key = values.Length == 1 ? values[0] : values;
        RecordId = recordId;
    }

    public IndexKey(BsonValue single, long recordId)
    {
        _key = single;
        RecordId = recordId;
    }

    public long RecordId { get; }

    public BsonValue this[int field] => _key is BsonValue[] values ? values[field] : (BsonValue)_key;
}

/// <summary>
/// Orders index keys field by field with each field's direction. Unique indexes compare values only, so the map
/// itself refuses a duplicate; other indexes break ties by record id so equal values can coexist.
/// </summary>
internal sealed class IndexKeyComparer(int[] directions, bool unique) : IComparer<IndexKey>
{
    public int Compare(IndexKey x, IndexKey y)
    {
        for (var i = 0; i < directions.Length; i++)
        {
            var c = BsonValueOrder.Compare(x[i], y[i]);
            if (c != 0)
            {
                return directions[i] < 0 ? -c : c;
            }
        }

        return unique ? 0 : x.RecordId.CompareTo(y.RecordId);
    }
}
