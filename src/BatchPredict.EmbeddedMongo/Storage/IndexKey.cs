using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Storage;

/// <summary>The key of one index entry: the indexed values in field order, and the record for non-unique indexes.</summary>
internal readonly record struct IndexKey(BsonValue[] Values, long RecordId);

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
            var c = BsonValueOrder.Compare(x.Values[i], y.Values[i]);
            if (c != 0)
            {
                return directions[i] < 0 ? -c : c;
            }
        }

        return unique ? 0 : x.RecordId.CompareTo(y.RecordId);
    }
}
