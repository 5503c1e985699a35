using System.Diagnostics;
using System.Globalization;
using BatchPredict.EmbeddedMongo;
using BatchPredict.EmbeddedMongo.Commands;
using BatchPredict.EmbeddedMongo.Query;
using BatchPredict.EmbeddedMongo.Storage;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Benchmarks;

/// <summary>
/// `planner [--docs N] [--rounds R]`: a find that a scoring run's partition sends, `{_id: half of the collection,
/// date: two months of a year}` over N flight-like documents with a `date` index (dates spread over the year, not
/// correlated with _id, so about 1/12 of the documents match). First in process on a collection store: the index the
/// planner picks, the documents it examines (candidates handed to Filter.Matches) and the time of plan + filter.
/// Then through the official driver against the embedded server: wall time and matched docs/s of the whole find.
/// </summary>
internal static class PlannerBenchmark
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static async Task<int> RunAsync(string[] args)
    {
        var docs = Option(args, "--docs", 1_000_000);
        var rounds = Option(args, "--rounds", 3);
        var filter = new BsonDocument
        {
            { "_id", new BsonDocument { { "$gte", docs / 4 }, { "$lt", docs / 4 * 3 } } },
            { "date", new BsonDocument { { "$gte", Start.AddMonths(4) }, { "$lt", Start.AddMonths(6) } } },
        };
        Console.WriteLine($"planner: {docs:N0} documents, filter {filter}, best of {rounds} rounds, {Environment.ProcessorCount} cores");

        var store = new CollectionStore("bench", "flights", []);
        for (var i = 0; i < docs; i++)
        {
            var document = Flight(i);
            store.Insert(document.ToBson(), document["_id"], document);
        }

        store.AddIndex(IndexDefinition.Parse(BsonDocument.Parse("{key: {date: 1}, name: 'date_1'}")));
        var compiled = Filter.Compile(filter);
        var (examined, matched, index) = (0, 0, "");
        var storeWall = Best(rounds, () =>
        {
            var source = QueryPlanner.Plan(store, compiled, null, out _);
            index = source is IndexRangeSource ranged ? ranged.Index.Definition.Name : "collection scan";
            (examined, matched) = (0, 0);
            foreach (var record in source.Resume())
            {
                examined++;
                matched += compiled.Matches(CollectionStore.Decode(record.Bson)) ? 1 : 0;
            }
        });
        Console.WriteLine($"store: index {index}, examined {examined:N0}, matched {matched:N0}, best {storeWall:N3} s "
                          + $"({matched / storeWall:N0} matched docs/s, {examined / storeWall:N0} examined docs/s)");

        await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        using var client = new MongoClient(server.ConnectionString);
        var collection = client.GetDatabase("bench").GetCollection<BsonDocument>("flights");
        for (var start = 0; start < docs; start += 10_000)
        {
            await collection.InsertManyAsync(Enumerable.Range(start, Math.Min(10_000, docs - start)).Select(Flight));
        }

        await collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(new BsonDocument("date", 1)));
        var raw = collection.Database.GetCollection<RawBsonDocument>("flights");
        var found = 0;
        var driverWall = Best(rounds, () => found = raw.Find(filter, new FindOptions { BatchSize = 10_000 }).ToEnumerable().Count());
        Console.WriteLine($"driver: found {found:N0}, best {driverWall:N3} s ({found / driverWall:N0} docs/s)");
        await server.StopAsync();
        return found == matched ? 0 : 1;
    }

    private static BsonDocument Flight(int i) => new()
    {
        { "_id", i },
        { "date", Start.AddMinutes(i * 7919L % 525_600) },
        { "delay", (long)(i * 7 % 181) - 30 },
        { "distance", (long)(i * 104_729 % 4_000) },
        { "origin", "ATL" },
        { "destination", "DEN" },
    };

    private static double Best(int rounds, Action work)
    {
        var best = double.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            work();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return best;
    }

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(fallback);
}
