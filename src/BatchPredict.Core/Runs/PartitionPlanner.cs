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

    /// <summary>Whether the smallest and the largest _id differ in type: types form contiguous groups in the _id order,
    /// so equal types at both ends mean a single type throughout.</summary>
    public static async Task<bool> HasMixedIdTypesAsync(IMongoCollection<BsonDocument> source, BsonDocument filter, CancellationToken ct)
    {
        async Task<BsonValue?> EndAsync(int direction) =>
            (await source.Find(filter).Sort(new BsonDocument("_id", direction)).Limit(1).Project(new BsonDocument("_id", 1)).FirstOrDefaultAsync(ct))?["_id"];

        var first = await EndAsync(1);
        var last = await EndAsync(-1);
        return first is not null && last is not null && TypeClass(first) != TypeClass(last);
    }

    public static async Task<List<PartitionProgress>> PlanAsync(IMongoCollection<BsonDocument> source, BsonDocument filter, int partitions, CancellationToken ct)
    {
        var count = await CountAsync(source, filter, ct);
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

    private static string TypeClass(BsonValue value) =>
        value.IsNumeric ? "number" : value.BsonType is BsonType.String or BsonType.Symbol ? "string" : value.BsonType.ToString();

    /// <summary>The count command with a query: plain enough for any server, including the embedded one.</summary>
    public static async Task<long> CountAsync(IMongoCollection<BsonDocument> source, BsonDocument filter, CancellationToken ct)
    {
        var command = new BsonDocument { { "count", source.CollectionNamespace.CollectionName }, { "query", filter } };
        var result = await source.Database.RunCommandAsync<BsonDocument>(command, cancellationToken: ct);
        return result["n"].ToInt64();
    }
}
