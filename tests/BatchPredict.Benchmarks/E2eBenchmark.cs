using System.Diagnostics;
using BatchPredict.Core.Import;
using BatchPredict.Core.Jobs;
using BatchPredict.Core.Models;
using BatchPredict.Core.Runs;
using BatchPredict.Core.Storage;
using BatchPredict.EmbeddedMongo;
using BatchPredict.Samples;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.ML;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Benchmarks;

/// <summary>
/// <c>e2e [--rows N]</c> (default 1,000,000): the real job on the real flights in one process.
/// 1) import the first N rows of samples/data/flights-3m.parquet into an in-memory embedded server (the importer);
/// 2) train the demo model v1 with the samples' training and push it as flight-delay@production;
/// 3) end-to-end: an in-process run of jobs/flight-delay.json over every document (read, map, score, bulk write);
/// 4) raw-copy limit on the same server: the same partitions, filter, projection and batch size, partitions side by
///    side, each batch written back as an unordered bulk of UpdateOne $set of a constant; no mapping, no model.
/// Prints rows/s of 3) and 4), their ratio, and the peak working set and GC figures.
/// </summary>
internal static class E2eBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length >= 2 && args[0] == "--rows" ? long.Parse(args[1]) : 1_000_000;
        var repository = Repository();
        var data = Path.Combine(repository, FlightDataLocation.RelativePath);
        var job = JobCatalog.Load(Path.Combine(repository, "jobs")).Get("flight-delay");
        await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{MongoOptions.Section}:Database"] = "e2e",
            ["BatchPredict:Jobs:Directory"] = Path.Combine(repository, "jobs"),
        });
        builder.AddBatchPredictMongo(server.ConnectionString);
        builder.AddBatchPredictImport();
        builder.AddModelRegistry();
        builder.AddBatchPredictRuns();
        using var host = builder.Build();
        var services = host.Services;
        var parallelism = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RunsOptions>>().Value.InProcessParallelism;
        Console.WriteLine($"e2e: {rows:N0} rows of {Path.GetFileName(data)}, job {job.Name}: batch {job.BatchSize:N0}, {job.Partitions} partitions, "
            + $"{parallelism} run side by side; {Environment.ProcessorCount} cores; in-memory embedded server in this process; {(Debugger.IsAttached ? "debugger" : "no debugger")}, "
            + $"{(typeof(E2eBenchmark).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().Any(d => d.IsJITOptimizerDisabled) ? "Debug" : "Release")} build, "
            + $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC (batchpredict itself runs server GC; DOTNET_gcServer=1 here to match)");

        var clock = Stopwatch.StartNew();
        var import = await services.GetRequiredService<Importer>().ImportAsync(new ImportRequest(job.Source.Collection, data) { MaxRows = rows });
        Console.WriteLine($"load:       {import.Inserted:N0} documents imported in {clock.Elapsed.TotalSeconds:N1} s ({import.RowsPerSecond:N0} rows/s)");
        var afterLoad = Memory();

        clock.Restart();
        var model = await TrainVersion1Async(data);
        var pushed = await services.GetRequiredService<IModelRegistry>().PushAsync(new MemoryStream(model), new ModelPushRequest(job.Model.Name, Alias: job.Model.Alias));
        Console.WriteLine($"model:      {pushed} ({pushed.Size:N0} bytes, sha256 {pushed.Sha256[..12]}) trained and pushed in {clock.Elapsed.TotalSeconds:N1} s");

        clock.Restart();
        var run = (await services.GetRequiredService<InProcessRunner>().RunAsync(new RunRequest(job.Name, "benchmark"), null, null, CancellationToken.None)).Run;
        var endToEnd = run.Counts.Read / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"end-to-end: {run.Counts.Scored:N0} scored, {run.Counts.Written:N0} written, {run.Counts.DeadLettered:N0} dead letters in {clock.Elapsed.TotalSeconds:N1} s = {endToEnd:N0} rows/s ({run.Status})");

        var database = services.GetRequiredService<IMongoDatabase>();
        clock.Restart();
        var copied = await RawCopyAsync(database.GetCollection<BsonDocument>(job.Source.Collection), job, parallelism);
        var rawCopy = copied / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"raw copy:   {copied:N0} read and $set in {clock.Elapsed.TotalSeconds:N1} s = {rawCopy:N0} rows/s (same filter, projection, batch size and partitions; no model)");
        Console.WriteLine($"ratio:      end-to-end / raw copy = {endToEnd / rawCopy:P0}");

        var end = Memory();
        var gc = GC.GetGCMemoryInfo();
        Console.WriteLine($"memory:     peak working set {end.Peak / 1048576.0:N0} MiB (after load {afterLoad.Peak / 1048576.0:N0} MiB); GC heap now {GC.GetTotalMemory(false) / 1048576.0:N0} MiB, "
            + $"committed {gc.TotalCommittedBytes / 1048576.0:N0} MiB, gen0/1/2 collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, "
            + $"pause {GC.GetTotalPauseDuration().TotalSeconds:N1} s");
        return run.Status == RunStatus.Succeeded && copied == run.Counts.Read ? 0 : 1;
    }

    /// <summary>What a run costs without the model: each partition reads its _id range with the job's projection and
    /// writes a constant back per batch, partitions side by side as the in-process runner runs them.</summary>
    private static async Task<long> RawCopyAsync(IMongoCollection<BsonDocument> source, JobDefinition job, int parallelism)
    {
        var filter = job.Source.Filter;
        var partitions = await PartitionPlanner.PlanAsync(source, filter, job.Partitions, CancellationToken.None);
        var mixed = await PartitionPlanner.HasMixedIdTypesAsync(source, filter, CancellationToken.None);
        long copied = 0;
        var unordered = new BulkWriteOptions { IsOrdered = false };
        var constant = new BsonDocument("$set", new BsonDocument("rawCopy", new BsonDocument { { "label", true }, { "probability", 0.5 }, { "score", 0.0 } }));
        await Parallel.ForEachAsync(partitions, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (partition, ct) =>
        {
            var find = new FindOptions<BsonDocument> { Sort = new BsonDocument("_id", 1), Projection = RunFilters.Projection(job), BatchSize = job.BatchSize };
            using var cursor = await source.FindAsync(RunFilters.Partition(filter, partition, mixed), find, ct);
            var writes = new List<WriteModel<BsonDocument>>(job.BatchSize);
            while (await cursor.MoveNextAsync(ct))
            {
                foreach (var document in cursor.Current)
                {
                    writes.Add(new UpdateOneModel<BsonDocument>(new BsonDocument("_id", document["_id"]), constant));
                    if (writes.Count == job.BatchSize)
                    {
                        Interlocked.Add(ref copied, (await source.BulkWriteAsync(writes, unordered, ct)).MatchedCount);
                        writes.Clear();
                    }
                }
            }

            if (writes.Count > 0)
            {
                Interlocked.Add(ref copied, (await source.BulkWriteAsync(writes, unordered, ct)).MatchedCount);
            }
        });
        return copied;
    }

    /// <summary>The demo model v1 as the demo trains it (same sample, seed and settings).</summary>
    private static async Task<byte[]> TrainVersion1Async(string data)
    {
        var sample = await FlightParquetReader.SampleAsync(data, FlightDelayTraining.TrainRate, FlightDelayTraining.TestRate, FlightDelayTraining.Seed);
        var ml = new MLContext(FlightDelayTraining.Seed);
        var (model, _) = FlightDelayTraining.Train(ml, sample.Train, sample.Test, FlightDelayModelSettings.Version1);
        using var buffer = new MemoryStream();
        FlightDelayTraining.Save(ml, model, buffer);
        return buffer.ToArray();
    }

    private static (long Peak, long Now) Memory()
    {
        using var process = Process.GetCurrentProcess();
        return (process.PeakWorkingSet64, process.WorkingSet64);
    }

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BatchPredict.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("BatchPredict.sln not found above the benchmark's directory");
    }
}
