using System.Text.Json.Nodes;
using BatchPredict.Core.Models;
using BatchPredict.Core.Runs;
using BatchPredict.Core.Storage;
using BatchPredict.Core.Tests.Jobs;
using BatchPredict.Core.Tests.Scoring;
using BatchPredict.EmbeddedMongo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Core.Tests.Runs;

/// <summary>
/// One embedded server and a fresh database per test class, with the runs services, a jobs folder holding one job per
/// test (each over its own collection) and the tiny model pushed as flight-delay v1 (production) and v2.
/// </summary>
public sealed class RunsTestHost : IAsyncLifetime
{
    private EmbeddedMongoServer? _server;
    private IHost? _host;

    public IServiceProvider Services => _host!.Services;

    public IMongoDatabase Database => Services.GetRequiredService<IMongoDatabase>();

    public ModelVersionInfo Version1 { get; private set; } = null!;

    public ModelVersionInfo Version2 { get; private set; } = null!;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The demo job over <paramref name="collection"/>, without a schedule.</summary>
    public static string JobJson(string name, string collection, int batchSize = 40, int partitions = 2, bool incremental = false, double maxErrorRate = 0.01, string? updatedAtField = null)
    {
        var job = JsonNode.Parse(JobFiles.DemoJobJson())!.AsObject();
        job["name"] = name;
        job["source"]!["collection"] = collection;
        job["batchSize"] = batchSize;
        job["partitions"] = partitions;
        job["maxErrorRate"] = maxErrorRate;
        job["incremental"]!["enabled"] = incremental;
        if (updatedAtField is not null)
        {
            job["incremental"]!["updatedAtField"] = updatedAtField;
        }

        job.Remove("schedule");
        return job.ToJsonString();
    }

    public async Task InitializeAsync()
    {
        _server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        var jobs = JobFiles.Folder(
            ("all.json", JobJson("all", "flights_all")),
            ("rerun.json", JobJson("rerun", "flights_rerun")),
            ("inc.json", JobJson("inc", "flights_inc", incremental: true)),
            ("inc2.json", JobJson("inc2", "flights_inc2", incremental: true)),
            ("resume.json", JobJson("resume", "flights_resume", batchSize: 25, partitions: 1)),
            ("dead.json", JobJson("dead", "flights_dead", maxErrorRate: 0.05)),
            ("strict.json", JobJson("strict", "flights_strict", maxErrorRate: 0.01)),
            ("lock.json", JobJson("lock", "flights_lock")),
            ("abandon.json", JobJson("abandon", "flights_abandon")),
            ("mismatch.json", JobJson("mismatch", "flights_mismatch").Replace("\"Distance\"", "\"Km\"", StringComparison.Ordinal)),
            ("mixed.json", JobJson("mixed", "flights_mixed", batchSize: 7, partitions: 3)),
            ("changed.json", JobJson("changed", "flights_changed", incremental: true, updatedAtField: "updatedAt")));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{MongoOptions.Section}:Database"] = "runs_" + Guid.NewGuid().ToString("N")[..12],
            ["BatchPredict:Jobs:Directory"] = jobs,
        });
        builder.AddBatchPredictMongo(_server.ConnectionString);
        builder.AddModelRegistry();
        builder.AddBatchPredictRuns();
        _host = builder.Build();
        await _host.StartAsync();
        var registry = Get<IModelRegistry>();
        Version1 = await registry.PushAsync(new MemoryStream(TinyFlightModel.Version1), new ModelPushRequest("flight-delay", Alias: "production"));
        Version2 = await registry.PushAsync(new MemoryStream(TinyFlightModel.Version2), new ModelPushRequest("flight-delay"));
    }

    /// <summary>Inserts <paramref name="count"/> flights shaped like the imported ones; ids ascend in insertion order.</summary>
    public async Task<List<ObjectId>> SeedAsync(string collection, int count, int seed = 1)
    {
        var random = new Random(seed);
        var airports = TinyFlightModel.Airports;
        var docs = Enumerable.Range(0, count).Select(_ => new BsonDocument
        {
            { "_id", ObjectId.GenerateNewId() },
            { "date", new DateTime(2024, random.Next(1, 13), random.Next(1, 29), random.Next(0, 24), 0, 0, DateTimeKind.Utc) },
            { "delay", (long)random.Next(-20, 120) },
            { "distance", (long)random.Next(100, 3000) },
            { "origin", airports[random.Next(airports.Length)] },
            { "destination", airports[random.Next(airports.Length)] },
        }).ToList();
        await Database.GetCollection<BsonDocument>(collection).InsertManyAsync(docs);
        return docs.Select(d => d["_id"].AsObjectId).ToList();
    }

    public Task<List<BsonDocument>> AllAsync(string collection) =>
        Database.GetCollection<BsonDocument>(collection).Find(FilterDefinition<BsonDocument>.Empty).Sort(new BsonDocument("_id", 1)).ToListAsync();

    public async Task<RunRecord> RunAsync(RunRequest request)
    {
        var start = await Get<InProcessRunner>().RunAsync(request, null, null, CancellationToken.None);
        Assert.True(start.Started);
        return start.Run;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
