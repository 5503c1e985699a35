using System.Diagnostics;
using BatchPredict.Core.Jobs;
using BatchPredict.Core.Models;
using BatchPredict.Core.Runs;
using BatchPredict.Core.Scoring;
using BatchPredict.Core.Storage;
using BatchPredict.Core.Tests.Scoring;
using BatchPredict.EmbeddedMongo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.ML;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Benchmarks;

/// <summary>
/// <c>runs [--rows N]</c>: throughput of the scoring path with the demo job's mapping and a small demo-contract model.
/// 1) map + score in memory, one thread (the CPU ceiling of one partition);
/// 2) a whole in-process run of the demo job on the embedded server (read, map, score, bulk write, checkpoints).
/// <c>--connection mongodb://...</c> uses that server instead of one in this process, so the peak memory printed is the
/// run's own (seed with the same --rows; compare two sizes to see that it stays flat).
/// </summary>
internal static class RunsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = Option(args, "--rows") is { } r ? int.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : 200_000;
        var connection = Option(args, "--connection");
        var jobsDir = FindJobs();
        var job = JobCatalog.Load(jobsDir).Get("flight-delay");
        var docs = Flights(rows);
        Console.WriteLine($"rows {rows:N0}, batch {job.BatchSize:N0}, partitions {job.Partitions}, {Environment.ProcessorCount} cores");

        var model = new MLContext().Model.Load(new MemoryStream(TinyFlightModel.Version1), out _);
        var scorer = new BatchScorer(model, job.Features, "tiny:1");
        var mapper = new FeatureMapper(job.Features);
        var batch = new FeatureBatch(job.Features, job.BatchSize);
        var predictions = scorer.CreatePredictions(job.BatchSize);
        var clock = Stopwatch.StartNew();
        foreach (var chunk in docs.Chunk(job.BatchSize))
        {
            batch.Clear();
            foreach (var doc in chunk)
            {
                mapper.Map(doc, batch);
            }

            scorer.Score(batch, predictions);
        }

        Console.WriteLine($"map+score in memory, 1 thread: {rows / clock.Elapsed.TotalSeconds:N0} rows/s");

        await using var server = connection is null ? await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions()) : null;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{MongoOptions.Section}:Database"] = "bench" + Environment.ProcessId,
            ["BatchPredict:Jobs:Directory"] = jobsDir,
        });
        builder.AddBatchPredictMongo(connection ?? server!.ConnectionString);
        builder.AddModelRegistry();
        builder.AddBatchPredictRuns();
        using var host = builder.Build();
        var services = host.Services;
        await services.GetRequiredService<IModelRegistry>().PushAsync(new MemoryStream(TinyFlightModel.Version1), new ModelPushRequest("flight-delay", Alias: "production"));
        var flights = services.GetRequiredService<IMongoDatabase>().GetCollection<BsonDocument>(job.Source.Collection);
        clock.Restart();
        foreach (var chunk in docs.Chunk(10_000))
        {
            await flights.InsertManyAsync(chunk, new InsertManyOptions { IsOrdered = false });
        }

        Console.WriteLine($"insert into the embedded server: {rows / clock.Elapsed.TotalSeconds:N0} rows/s");
        docs.Clear();
        GC.Collect();
        await RawCopyAsync(flights, job.BatchSize, rows);
        var before = Process.GetCurrentProcess().WorkingSet64;
        using var sampling = new CancellationTokenSource();
        var sampler = SamplePeakAsync(sampling.Token);
        clock.Restart();
        var start = await services.GetRequiredService<InProcessRunner>().RunAsync(new RunRequest(job.Name, "benchmark"), null, null, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        var runPeak = await sampler;
        var run = start.Run;
        Console.WriteLine($"run {run.Id}: {run.Status}, {run.Counts.Written:N0} written, {run.Counts.DeadLettered:N0} dead letters");
        Console.WriteLine($"end-to-end run on the embedded server: {run.Counts.Read / seconds:N0} rows/s ({seconds:N1} s)");
        Console.WriteLine($"working set before the run {before / 1048576.0:N0} MiB, highest during the run {runPeak / 1048576.0:N0} MiB (sampled every 50 ms)");
        return run.Status == RunStatus.Succeeded ? 0 : 1;
    }

    /// <summary>The server's own limit on the same data: read the job's fields in _id order, then bulk $set a constant
    /// by _id in batches of the job's size, with no mapping or scoring.</summary>
    private static async Task RawCopyAsync(IMongoCollection<BsonDocument> flights, int batchSize, int rows)
    {
        var clock = Stopwatch.StartNew();
        var ids = new List<BsonValue>(rows);
        var projection = new BsonDocument { { "distance", 1 }, { "date", 1 }, { "origin", 1 }, { "destination", 1 } };
        using (var cursor = await flights.FindAsync(FilterDefinition<BsonDocument>.Empty, new FindOptions<BsonDocument> { Sort = new BsonDocument("_id", 1), Projection = projection, BatchSize = batchSize }))
        {
            while (await cursor.MoveNextAsync())
            {
                ids.AddRange(cursor.Current.Select(d => d["_id"]));
            }
        }

        Console.WriteLine($"raw read in _id order: {ids.Count / clock.Elapsed.TotalSeconds:N0} rows/s");
        clock.Restart();
        var set = new BsonDocument("$set", new BsonDocument("raw", new BsonDocument { { "label", true }, { "score", 1.5 } }));
        foreach (var chunk in ids.Chunk(batchSize))
        {
            await flights.BulkWriteAsync(chunk.Select(id => new UpdateOneModel<BsonDocument>(new BsonDocument("_id", id), set)), new BulkWriteOptions { IsOrdered = false });
        }

        Console.WriteLine($"raw bulk $set by _id: {ids.Count / clock.Elapsed.TotalSeconds:N0} rows/s");
    }

    private static async Task<long> SamplePeakAsync(CancellationToken ct)
    {
        using var process = Process.GetCurrentProcess();
        long peak = 0;
        while (!ct.IsCancellationRequested)
        {
            process.Refresh();
            peak = Math.Max(peak, process.WorkingSet64);
            await Task.Delay(50, CancellationToken.None);
        }

        return peak;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static List<BsonDocument> Flights(int count)
    {
        var random = new Random(3);
        var airports = TinyFlightModel.Airports;
        return Enumerable.Range(0, count).Select(_ => new BsonDocument
        {
            { "_id", ObjectId.GenerateNewId() },
            { "date", new DateTime(2024, random.Next(1, 13), random.Next(1, 29), random.Next(0, 24), 0, 0, DateTimeKind.Utc) },
            { "delay", (long)random.Next(-20, 120) },
            { "distance", (long)random.Next(100, 3000) },
            { "origin", airports[random.Next(airports.Length)] },
            { "destination", airports[random.Next(airports.Length)] },
        }).ToList();
    }

    private static string FindJobs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BatchPredict.sln")))
            {
                return Path.Combine(dir.FullName, "jobs");
            }
        }

        throw new DirectoryNotFoundException("jobs/ not found above the benchmark's directory");
    }
}
