using MongoDB.Bson;

namespace BatchPredict.Benchmarks;

/// <summary>Small documents shaped like a scored source row (about 130 bytes of BSON each).</summary>
internal static class BenchmarkDocuments
{
    public const string Shape =
        "{ _id: ObjectId, n: Int32, name: String(12), value: Double, origin: String(3), destination: String(3), at: Date, status: String }";

    private static readonly string[] Airports = ["ATL", "DEN", "ORD", "LAX", "JFK", "SFO", "SEA", "BOS"];

    public static IEnumerable<BsonDocument> Create(int count)
    {
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            yield return new BsonDocument
            {
                { "_id", ObjectId.GenerateNewId() },
                { "n", i },
                { "name", $"item-{i:D7}" },
                { "value", i * 0.25 },
                { "origin", Airports[i % Airports.Length] },
                { "destination", Airports[(i / Airports.Length) % Airports.Length] },
                { "at", start.AddMinutes(i) },
                { "status", "new" },
            };
        }
    }
}
