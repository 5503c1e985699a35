using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Core.Runs;

/// <summary>
/// Splits the documents a run selects into contiguous _id ranges of about equal size: count, then read the _id found at
/// each i·n/k position of the _id order. Documents inserted later fall in some range (the ends are open), so none is lost.
/// </summary>
public static class PartitionPlanner
{
    /// <summary>Positions (in _id order) where partitions 1..k-1 start, and each partition's planned size.</summary>
    public static (long[] Starts, long[] Sizes) Offsets(long count, int partitions)
    {
        var k = (int)Math.Clamp(Math.Min(partitions, count), 1, int.MaxValue);
        var starts = Enumerable.Range(0, k).Select(i => count * i / k).ToArray();
        var sizes = starts.Select((s, i) => (i + 1 < k ? starts[i + 1] : count) - s).ToArray();
        return (starts, sizes);
    }

    public static async Task<List<PartitionProgress>> PlanAsync(IMongoCollection<BsonDocument> source, BsonDocument filter, int partitions, CancellationToken ct)
    {
        var count = await source.CountDocumentsAsync(filter, cancellationToken: ct);
        var (starts, sizes) = Offsets(count, partitions);
        var bounds = new List<BsonValue> { BsonNull.Value };
        for (var i = 1; i < starts.Length; i++)
        {
            var at = await source.Find(filter)
                .Sort(new BsonDocument("_id", 1))
                .Skip((int)starts[i])
                .Limit(1)
                .Project(new BsonDocument("_id", 1))
                .FirstOrDefaultAsync(ct);
            if (at is null)
            {
                break; // documents went away since the count: fewer, larger partitions
            }

            bounds.Add(at["_id"]);
        }

        bounds.Add(BsonNull.Value);
        return Enumerable.Range(0, bounds.Count - 1).Select(i => new PartitionProgress
        {
            Index = i,
            Lower = bounds[i],
            Upper = bounds[i + 1],
            Planned = i == bounds.Count - 2 ? count - starts[i] : sizes[i],
        }).ToList();
    }
}
