using System.Diagnostics;
using System.Globalization;
using BatchPredict.EmbeddedMongo;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Benchmarks;

/// <summary>
/// `embedded-mongo [--docs N] [--durable]`: the embedded server's throughput through the official driver, in this
/// process on a loopback port. InsertMany of small documents (batches of 1,000), unordered bulk UpdateOne $set by _id
/// (batches of 1,000), a full cursor read; then the managed heap held by the server beside the BSON data size.
/// </summary>
internal static class EmbeddedMongoBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var docs = args.SkipWhile(a => a != "--docs").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(300_000);
        var durable = args.Contains("--durable");
        var path = durable ? Path.Combine(Path.GetTempPath(), "bp-bench-" + Guid.NewGuid().ToString("N")) : null;
        var heapBefore = Heap();
        await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { DataPath = path });
        using var client = new MongoClient(server.ConnectionString);
        var collection = client.GetDatabase("bench").GetCollection<BsonDocument>("small");
        Console.WriteLine($"embedded-mongo: {docs:N0} documents, {(durable ? "durable (journal fsync per acknowledged batch)" : "in memory")}, {Environment.ProcessorCount} cores");

        var insert = await TimeAsync(async () =>
        {
            for (var start = 0; start < docs; start += 1000)
            {
                await collection.InsertManyAsync(Enumerable.Range(start, Math.Min(1000, docs - start)).Select(i => new BsonDocument
                {
                    { "_id", i }, { "origin", "ATL" }, { "destination", "DEN" }, { "distance", (long)(i % 3000) }, { "delay", (long)(i % 90) },
                }));
            }
        });
        Report("InsertMany (1,000 per batch)", docs, insert, "docs/s", 50_000);

        var update = await TimeAsync(async () =>
        {
            for (var start = 0; start < docs; start += 1000)
            {
                var requests = Enumerable.Range(start, Math.Min(1000, docs - start)).Select(i =>
                    new UpdateOneModel<BsonDocument>(new BsonDocument("_id", i), new BsonDocument("$set", new BsonDocument("score", i * 0.5))));
                await collection.BulkWriteAsync(requests, new BulkWriteOptions { IsOrdered = false });
            }
        });
        Report("unordered bulk UpdateOne $set by _id", docs, update, "ops/s", 30_000);

        var read = 0L;
        var cursor = await TimeAsync(async () =>
        {
            using var all = await collection.Database.GetCollection<RawBsonDocument>("small").FindAsync(FilterDefinition<RawBsonDocument>.Empty, new FindOptions<RawBsonDocument> { BatchSize = 10_000 });
            while (await all.MoveNextAsync())
            {
                read += all.Current.Count();
            }
        });
        Report("cursor read (batches of 10,000)", read, cursor, "docs/s", 150_000);

        var stats = await client.GetDatabase("bench").RunCommandAsync<BsonDocument>(new BsonDocument("collStats", "small"));
        var heap = Heap() - heapBefore;
        Console.WriteLine($"memory: managed heap held by the server {heap / 1048576.0:N1} MiB for {stats["size"].ToInt64() / 1048576.0:N1} MiB of BSON data "
                          + $"({stats["count"].ToInt64():N0} documents); process working set {Environment.WorkingSet / 1048576.0:N0} MiB");
        await server.StopAsync();
        if (path is not null)
        {
            Directory.Delete(path, recursive: true);
        }

        return 0;
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Wall time, and the CPU time of this process (client and server together), which other load on a shared machine does not inflate.</summary>
    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> TimeAsync(Func<Task> work)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await work();
        process.Refresh();
        return (watch.Elapsed, process.TotalProcessorTime - cpu);
    }

    private static void Report(string what, long count, (TimeSpan Wall, TimeSpan Cpu) time, string unit, int target)
    {
        var rate = count / time.Wall.TotalSeconds;
        Console.WriteLine($"{what}: {count:N0} in {time.Wall.TotalSeconds:N2} s = {rate:N0} {unit} (target >= {target:N0}) {(rate >= target ? "ok" : "BELOW TARGET")}; "
                          + $"CPU {time.Cpu.TotalSeconds:N2} s = {count / time.Cpu.TotalSeconds:N0} {unit} per CPU-second (client + server)");
    }
}
