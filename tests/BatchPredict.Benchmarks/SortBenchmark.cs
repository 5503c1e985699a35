using System.Diagnostics;
using System.Globalization;
using BatchPredict.EmbeddedMongo;
using BatchPredict.EmbeddedMongo.Aggregation;
using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Benchmarks;

/// <summary>
/// `sort [--docs N] [--rounds R]`: the embedded server's in-memory sort. In process, on decoded flight-like documents:
/// OrderBy with <see cref="SortSpec.Comparer"/> (the sort key read at every comparison) beside
/// <see cref="SortSpec.Order{T}"/> (each document's key computed once), and a $sort pipeline stage; then through the
/// official driver, a find with a sort no index serves beside the same find unsorted. Prints the best and median of R rounds, wall and CPU time.
/// </summary>
internal static class SortBenchmark
{
    private static readonly string[] Airports = ["ATL", "DEN", "ORD", "LAX", "DFW", "JFK", "SFO", "SEA", "MCO", "LAS"];

    public static async Task<int> RunAsync(string[] args)
    {
        var docs = Option(args, "--docs", 200_000);
        var rounds = Option(args, "--rounds", 3);
        var documents = Enumerable.Range(0, docs).Select(Flight).ToList();
        Console.WriteLine($"sort: {docs:N0} documents, best and median of {rounds} rounds, {Environment.ProcessorCount} cores");

        foreach (var json in new[] { "{delay: 1}", "{origin: 1, distance: -1}", "{'leg.minutes': -1}" })
        {
            var spec = SortSpec.Compile(BsonDocument.Parse(json));
            Measure($"{json} comparer", docs, rounds, () => documents.OrderBy(d => d, spec.Comparer).ToList());
            Measure($"{json} key once", docs, rounds, () => spec.Order(documents, d => d).ToList());
        }

        var pipeline = Pipeline.Compile([BsonDocument.Parse("{$sort: {origin: 1, distance: -1}}")], new NoHost());
        Measure("$sort stage {origin: 1, distance: -1}", docs, rounds, () => pipeline.Execute(documents).ToList());

        var stored = documents.Select(d => d.ToBson()).ToList();
        Measure("decode stored BSON, for reference", docs, rounds, () => stored.ConvertAll(b => MongoDB.Bson.Serialization.BsonSerializer.Deserialize<BsonDocument>(b)));
        Measure("RawBsonDocument key read, for reference", docs, rounds, () => stored.ConvertAll(b => new RawBsonDocument(b)["origin"]));

        await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        using var client = new MongoClient(server.ConnectionString);
        var collection = client.GetDatabase("bench").GetCollection<BsonDocument>("flights");
        for (var start = 0; start < docs; start += 10_000)
        {
            await collection.InsertManyAsync(documents.Skip(start).Take(10_000).Select(d => new BsonDocument(d)));
        }

        var raw = collection.Database.GetCollection<RawBsonDocument>("flights");
        Measure("find without sort, for reference (driver)", docs, rounds, () =>
            raw.Find(FilterDefinition<RawBsonDocument>.Empty, new FindOptions { BatchSize = 10_000 }).ToEnumerable().Count());
        Measure("find sort {origin: 1, distance: -1} (driver)", docs, rounds, () =>
            raw.Find(FilterDefinition<RawBsonDocument>.Empty, new FindOptions { BatchSize = 10_000 })
                .Sort(BsonDocument.Parse("{origin: 1, distance: -1}")).ToEnumerable().Count());
        await server.StopAsync();
        return 0;
    }

    private static BsonDocument Flight(int i) => new()
    {
        { "_id", i },
        { "date", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i * 7919L % 525_600) },
        { "delay", (long)(i * 7 % 181) - 30 },
        { "distance", (long)(i * 104_729 % 4_000) },
        { "origin", Airports[i * 31 % Airports.Length] },
        { "destination", Airports[i * 17 % Airports.Length] },
        { "leg", new BsonDocument { { "minutes", i * 13 % 600 }, { "stops", i % 3 } } },
    };

    private static void Measure(string what, int count, int rounds, Action work)
    {
        var walls = new List<double>();
        var cpus = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            work();
            walls.Add(watch.Elapsed.TotalSeconds);
            process.Refresh();
            cpus.Add((process.TotalProcessorTime - cpu).TotalSeconds);
        }

        walls.Sort();
        cpus.Sort();
        Console.WriteLine($"{what}: wall best {walls[0]:N3} s, median {walls[rounds / 2]:N3} s; CPU best {cpus[0]:N3} s, median {cpus[rounds / 2]:N3} s "
                          + $"({count / walls[0]:N0} docs/s best)");
    }

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(fallback);

    private sealed class NoHost : IAggregationHost
    {
        public DateTime Now => DateTime.UnixEpoch;

        public IEnumerable<BsonDocument> Scan(string collection) => [];
    }
}
