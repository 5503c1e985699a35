using System.Diagnostics;
using System.Globalization;
using BatchPredict.EmbeddedMongo;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Benchmarks;

/// <summary>
/// <c>server [--docs N] [--dbpath DIR]</c>: the embedded MongoDB-compatible server's throughput through the official
/// driver (insertMany, unordered bulk updateOne $set by _id, a full cursor read) against the targets of issue 2, and its
/// memory beside the data size. In memory unless --dbpath is given, then durable in that folder.
/// </summary>
internal static class ServerBenchmark
{
    private const int BatchSize = 1_000;
    private const int WarmUpDocuments = 20_000;
    private const double InsertTarget = 50_000;
    private const double UpdateTarget = 30_000;
    private const double ReadTarget = 150_000;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var documents, out var dataPath))
        {
            Console.Error.WriteLine("usage: server [--docs N] [--dbpath DIR]");
            return 2;
        }

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { DataPath = dataPath });
        using var client = new MongoClient(server.ConnectionString);
        var database = client.GetDatabase("benchmark");
        PrintMethod(documents, dataPath);

        // Warm-up: the same three steps on a smaller collection, so JIT and connection set-up stay out of the figures.
        await RunStepsAsync(database, "warmup", WarmUpDocuments, print: false);
        await database.DropCollectionAsync("warmup");

        await RunStepsAsync(database, "items", documents, print: true);
        await PrintMemoryAsync(database.GetCollection<RawBsonDocument>("items"), heapBefore);
        await server.StopAsync();
        return 0;
    }

    private static async Task RunStepsAsync(IMongoDatabase database, string name, int count, bool print)
    {
        await database.DropCollectionAsync(name);
        var collection = database.GetCollection<BsonDocument>(name);

        // Documents and update requests are built before each timer starts: only the server round trips are timed.
        var batches = BenchmarkDocuments.Create(count).Chunk(BatchSize).ToList();
        var ids = batches.SelectMany(b => b.Select(d => d["_id"])).ToList();
        var insertSeconds = await TimeAsync(async () =>
        {
            foreach (var batch in batches)
            {
                await collection.InsertManyAsync(batch);
            }
        });
        batches.Clear();
        Report(print, $"insertMany, ordered, {BatchSize:N0} documents per call", count, insertSeconds, "docs/s", InsertTarget);

        var updates = ids.Select((id, i) => (WriteModel<BsonDocument>)new UpdateOneModel<BsonDocument>(
                new BsonDocument("_id", id),
                new BsonDocument("$set", new BsonDocument { { "value", i * 0.5 }, { "status", "scored" } })))
            .Chunk(BatchSize).ToList();
        var unordered = new BulkWriteOptions { IsOrdered = false };
        var updateSeconds = await TimeAsync(async () =>
        {
            foreach (var batch in updates)
            {
                await collection.BulkWriteAsync(batch, unordered);
            }
        });
        updates.Clear();
        Report(print, $"bulkWrite updateOne $set by _id, unordered, {BatchSize:N0} per call", count, updateSeconds, "ops/s", UpdateTarget);

        var read = 0;
        var readSeconds = await TimeAsync(async () =>
        {
            using var cursor = await collection.FindAsync(FilterDefinition<BsonDocument>.Empty, new FindOptions<BsonDocument> { BatchSize = BatchSize });
            while (await cursor.MoveNextAsync())
            {
                read += cursor.Current.Count();
            }
        });
        if (read != count)
        {
            throw new InvalidOperationException($"the cursor read {read} documents of {count}");
        }

        Report(print, $"find, whole collection, batch size {BatchSize:N0}", count, readSeconds, "docs/s", ReadTarget);
    }

    private static async Task PrintMemoryAsync(IMongoCollection<RawBsonDocument> collection, long heapBefore)
    {
        long dataBytes = 0;
        using (var cursor = await collection.FindAsync(FilterDefinition<RawBsonDocument>.Empty, new FindOptions<RawBsonDocument> { BatchSize = BatchSize }))
        {
            while (await cursor.MoveNextAsync())
            {
                foreach (var document in cursor.Current)
                {
                    dataBytes += document.Slice.Length;
                    document.Dispose();
                }
            }
        }

        // The benchmark's own documents and requests are gone by now, so the heap grown since before the server started
        // is what the server holds (data, indexes, buffers) plus the driver's connection pool.
        var heap = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(
            $"memory: GC heap held since the server started {Megabytes(heap)}, process working set {Megabytes(process.WorkingSet64)}; " +
            $"data {Megabytes(dataBytes)} (sum of the documents' BSON sizes); heap / data = {(double)heap / dataBytes:F1}x");
    }

    /// <summary>Wall-clock seconds, and the CPU seconds of the whole process (server and client), which other load does not inflate.</summary>
    private static async Task<(double Wall, double Cpu)> TimeAsync(Func<Task> step)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await step();
        process.Refresh();
        return (watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static void Report(bool print, string step, int count, (double Wall, double Cpu) seconds, string unit, double target)
    {
        if (!print)
        {
            return;
        }

        var rate = count / seconds.Wall;
        var verdict = rate >= target ? "PASS" : "BELOW";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{step}: {count:N0} in {seconds.Wall:F2} s = {rate:N0} {unit} (target >= {target:N0}) {verdict}; CPU {seconds.Cpu:F2} s = {count / seconds.Cpu:N0} {unit} per CPU-second"));
    }

    private static void PrintMethod(int documents, string? dataPath)
    {
        Console.WriteLine($"embedded server benchmark, {(dataPath is null ? "in memory" : $"durable in {dataPath}")}");
        // Other work on a shared machine lowers every figure; the load average says how busy it was.
        var load = File.Exists("/proc/loadavg") ? $", load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}" : string.Empty;
        Console.WriteLine(
            $"machine: {Environment.ProcessorCount} logical processors{load}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine(
            $"method: official MongoDB.Driver in the same process over loopback TCP; {documents:N0} documents {BenchmarkDocuments.Shape}; " +
            $"a warm-up pass of {WarmUpDocuments:N0} documents through the same steps first; requests built before each timer starts; rates by wall clock, CPU seconds are the whole process (server and client)");
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):F1} MB");

    private static bool TryParse(string[] args, out int documents, out string? dataPath)
    {
        documents = 200_000;
        dataPath = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--docs" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    documents = n;
                    i++;
                    break;
                case "--dbpath" when i + 1 < args.Length:
                    dataPath = Path.GetFullPath(args[++i]);
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
