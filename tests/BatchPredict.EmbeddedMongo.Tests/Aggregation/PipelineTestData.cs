using BatchPredict.EmbeddedMongo.Aggregation;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Tests.Aggregation;

/// <summary>An in-memory host: named collections of documents and a fixed clock.</summary>
internal sealed class TestHost(Dictionary<string, List<BsonDocument>>? collections = null) : IAggregationHost
{
    public DateTime Now { get; } = new(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    public IEnumerable<BsonDocument> Scan(string collection) =>
        collections is not null && collections.TryGetValue(collection, out var docs) ? docs : [];
}

internal static class PipelineTestData
{
    public const string Sales = "[{_id: 1, item: 'a', qty: 2, price: 10, tags: ['x', 'y']}, {_id: 2, item: 'b', qty: 1, price: 20, tags: []}, "
        + "{_id: 3, item: 'a', qty: 5, price: 10}, {_id: 4, item: 'c', qty: 3, price: 5.5, tags: ['y']}]";

    public static BsonArray Array(string json) => BsonDocument.Parse("{a: " + json + "}")["a"].AsBsonArray;

    public static List<BsonDocument> Run(string pipeline, string input = Sales, IAggregationHost? host = null) =>
        Pipeline.Compile(Array(pipeline), host ?? new TestHost()).Execute(Array(input).Select(v => v.AsBsonDocument)).ToList();

    public static void AssertRun(string pipeline, string expected, string input = Sales, IAggregationHost? host = null) =>
        Assert.Equal(Array(expected).Select(v => v.AsBsonDocument).ToList(), Run(pipeline, input, host));
}
