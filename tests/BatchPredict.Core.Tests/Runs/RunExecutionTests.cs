using BatchPredict.Core.Runs;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Core.Tests.Runs;

/// <summary>Whole runs on the embedded server, executed in process (the same partition code Hangfire jobs run).</summary>
public sealed class RunExecutionTests(RunsTestHost host) : IClassFixture<RunsTestHost>
{
    [Fact]
    public async Task Run_EveryDocument_ScoredWithLineage()
    {
        var ids = await host.SeedAsync("flights_all", 230);

        var run = await host.RunAsync(new RunRequest("all", "test"));

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(2, run.Partitions.Count);
        Assert.All(run.Partitions, p => Assert.Equal(PartitionStatus.Done, p.Status));
        Assert.Equal(230, run.Counts.Read);
        Assert.Equal(230, run.Counts.Scored);
        Assert.Equal(230, run.Counts.Written);
        Assert.Equal(0, run.Counts.DeadLettered);
        Assert.Equal("flight-delay@production", run.ModelReference);
        Assert.Equal(host.Version1.Sha256, run.Model.Sha256);
        var docs = await host.AllAsync("flights_all");
        Assert.Equal(ids, docs.Select(d => d["_id"].AsObjectId));
        Assert.All(docs, d =>
        {
            var p = d["prediction"].AsBsonDocument;
            Assert.Equal(new BsonDocument { { "name", "flight-delay" }, { "version", 1 }, { "sha256", host.Version1.Sha256 } }, p["model"]);
            Assert.Equal(run.Id, p["runId"].AsString);
            Assert.Equal(p["score"].AsDouble > 0, p["label"].AsBoolean);
            Assert.InRange(p["probability"].AsDouble, 0, 1);
            Assert.IsType<BsonDateTime>(p["scoredAt"]);
        });
        Assert.Contains(docs, d => d["prediction"]["label"].AsBoolean);
        Assert.Contains(docs, d => !d["prediction"]["label"].AsBoolean);
    }

    [Fact]
    public async Task Rerun_WithVersion2_RewritesLineageOfEveryDocument()
    {
        await host.SeedAsync("flights_rerun", 120);
        var first = await host.RunAsync(new RunRequest("rerun", "test"));
        var before = await host.AllAsync("flights_rerun");

        var second = await host.RunAsync(new RunRequest("rerun", "test", ModelVersion: 2));

        Assert.Equal(RunStatus.Succeeded, second.Status);
        Assert.Equal("flight-delay:2", second.ModelReference);
        Assert.Equal(120, second.Counts.Written);
        var after = await host.AllAsync("flights_rerun");
        Assert.All(after, d =>
        {
            Assert.Equal(2, d["prediction"]["model"]["version"].AsInt32);
            Assert.Equal(host.Version2.Sha256, d["prediction"]["model"]["sha256"].AsString);
            Assert.Equal(second.Id, d["prediction"]["runId"].AsString);
        });
        Assert.All(before, d => Assert.Equal(first.Id, d["prediction"]["runId"].AsString));
        Assert.Contains(after.Zip(before), pair => pair.First["prediction"]["score"] != pair.Second["prediction"]["score"]);
    }

    [Fact]
    public async Task IncrementalRun_AfterNewDocuments_TouchesOnlyTheNewOnes()
    {
        await host.SeedAsync("flights_inc", 100);
        var first = await host.RunAsync(new RunRequest("inc", "test"));
        var added = await host.SeedAsync("flights_inc", 15, seed: 2);

        var second = await host.RunAsync(new RunRequest("inc", "test"));

        Assert.Equal(100, first.Counts.Scored);
        Assert.Equal(15, second.Counts.Read);
        Assert.Equal(15, second.Counts.Written);
        var docs = await host.AllAsync("flights_inc");
        Assert.Equal(100, docs.Count(d => d["prediction"]["runId"] == first.Id));
        Assert.Equal(added, docs.Where(d => d["prediction"]["runId"] == second.Id).Select(d => d["_id"].AsObjectId));
    }

    [Fact]
    public async Task IncrementalRun_WithAnotherVersion_RescoresEverything()
    {
        await host.SeedAsync("flights_inc2", 10, seed: 3);
        var first = await host.RunAsync(new RunRequest("inc2", "test"));

        var rerun = await host.RunAsync(new RunRequest("inc2", "test", ModelVersion: 2));

        Assert.Equal(10, first.Counts.Written);
        Assert.Equal(10, rerun.Counts.Written);
        Assert.All(await host.AllAsync("flights_inc2"), d => Assert.Equal(2, d["prediction"]["model"]["version"].AsInt32));
    }

    [Fact]
    public async Task Run_IdsOfSeveralTypes_ScoresEveryDocument()
    {
        await host.SeedAsync("flights_mixed", 20);
        var others = Enumerable.Range(0, 20).Select(i => new BsonDocument
        {
            { "_id", i % 2 == 0 ? new BsonString($"flight-{i:D2}") : new BsonInt64(i) },
            { "date", new DateTime(2024, 5, 1, i, 0, 0, DateTimeKind.Utc) },
            { "distance", 500L + i },
            { "origin", "ATL" },
            { "destination", "ORD" },
        });
        await host.Database.GetCollection<BsonDocument>("flights_mixed").InsertManyAsync(others);

        var run = await host.RunAsync(new RunRequest("mixed", "test"));

        Assert.True(run.MixedIdTypes);
        Assert.Equal(3, run.Partitions.Count);
        Assert.Equal(40, run.Counts.Read);
        Assert.Equal(40, run.Counts.Written);
        Assert.All(await host.AllAsync("flights_mixed"), d => Assert.Equal(run.Id, d["prediction"]["runId"].AsString));
    }

    [Fact]
    public async Task IncrementalRun_WithUpdatedAtField_RescoresChangedDocuments()
    {
        var ids = await host.SeedAsync("flights_changed", 30, seed: 4);
        var flights = host.Database.GetCollection<BsonDocument>("flights_changed");
        await flights.UpdateManyAsync(FilterDefinition<BsonDocument>.Empty, new BsonDocument("$set", new BsonDocument("updatedAt", DateTime.UtcNow.AddDays(-1))));
        var first = await host.RunAsync(new RunRequest("changed", "test"));
        var changed = ids.Take(3).ToList();
        await flights.UpdateManyAsync(
            new BsonDocument("_id", new BsonDocument("$in", new BsonArray(changed))),
            new BsonDocument("$set", new BsonDocument("updatedAt", DateTime.UtcNow.AddMinutes(5))));

        var second = await host.RunAsync(new RunRequest("changed", "test"));

        Assert.Equal(30, first.Counts.Written);
        Assert.Equal(3, second.Counts.Read);
        var docs = await host.AllAsync("flights_changed");
        Assert.Equal(changed, docs.Where(d => d["prediction"]["runId"] == second.Id).Select(d => d["_id"].AsObjectId));
    }
}
