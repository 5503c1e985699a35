using BatchPredict.Core.Runs;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Core.Tests.Runs;

/// <summary>At-least-once execution, bad documents and the one-run-per-job rule, on the embedded server.</summary>
public sealed class RunRecoveryTests(RunsTestHost host) : IClassFixture<RunsTestHost>
{
    [Fact]
    public async Task ExecutePartition_StoppedMidwayThenExecutedAgain_ResumesFromCheckpointWithoutLossOrRescoring()
    {
        var ids = await host.SeedAsync("flights_resume", 200);
        var start = await host.Get<RunStarter>().StartAsync(new RunRequest("resume", "test"), CancellationToken.None);
        var executor = host.Get<PartitionExecutor>();
        using var stop = new CancellationTokenSource();
        var checkpoints = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => executor.ExecuteAsync(
            start.Run.Id, 0, _ => { if (++checkpoints == 3) stop.Cancel(); }, stop.Token));

        var stopped = await host.Get<RunLedger>().GetAsync(start.Run.Id, CancellationToken.None);
        Assert.Equal(RunStatus.Running, stopped.Status);
        Assert.Equal(75, stopped.Counts.Read);
        Assert.Equal(new BsonObjectId(ids[74]), stopped.Partitions[0].Checkpoint);
        var afterStop = await host.AllAsync("flights_resume");
        Assert.Equal(ids.Take(75), afterStop.Where(d => d.Contains("prediction")).Select(d => d["_id"].AsObjectId));
        var firstScoredAt = afterStop.Take(75).Select(d => d["prediction"]["scoredAt"]).ToList();
        await Task.Delay(20); // scoredAt has millisecond precision: the second execution must be told apart

        var last = await executor.ExecuteAsync(start.Run.Id, 0, null, CancellationToken.None);
        var run = await host.Get<RunFinalizer>().FinalizeAsync(start.Run.Id, CancellationToken.None);

        Assert.True(last);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(200, run.Counts.Read);
        Assert.Equal(200, run.Counts.Written);
        Assert.Equal(2, run.Partitions[0].Executions);
        var docs = await host.AllAsync("flights_resume");
        Assert.All(docs, d => Assert.Equal(start.Run.Id, d["prediction"]["runId"].AsString));
        Assert.Equal(firstScoredAt, docs.Take(75).Select(d => d["prediction"]["scoredAt"]));
        Assert.All(docs.Skip(75), d => Assert.True(d["prediction"]["scoredAt"].ToUniversalTime() > firstScoredAt.Max(v => v.ToUniversalTime())));
    }

    [Fact]
    public async Task Run_BadDocuments_DeadLetteredWithFieldAndReason()
    {
        await host.SeedAsync("flights_dead", 97);
        var (badDistance, noDistance, textDate) = (ObjectId.GenerateNewId(), ObjectId.GenerateNewId(), ObjectId.GenerateNewId());
        var bad = new[]
        {
            new BsonDocument { { "_id", badDistance }, { "date", DateTime.UtcNow }, { "distance", "far" }, { "origin", "ATL" }, { "destination", "DEN" } },
            new BsonDocument { { "_id", noDistance }, { "date", DateTime.UtcNow }, { "origin", "ATL" }, { "destination", "DEN" } },
            new BsonDocument { { "_id", textDate }, { "date", "yesterday" }, { "distance", 300L }, { "origin", "ATL" }, { "destination", "DEN" } },
        };
        await host.Database.GetCollection<BsonDocument>("flights_dead").InsertManyAsync(bad);

        var run = await host.RunAsync(new RunRequest("dead", "test"));

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(100, run.Counts.Read);
        Assert.Equal(97, run.Counts.Scored);
        Assert.Equal(3, run.Counts.DeadLettered);
        var letters = (await host.Get<DeadLetterStore>().ListAsync(run.Id, 10, CancellationToken.None)).ToDictionary(l => l["documentId"].AsObjectId);
        Assert.Equal(("distance", "'far' is not a number"), (letters[badDistance]["field"].AsString, letters[badDistance]["reason"].AsString));
        Assert.Equal(("distance", "missing"), (letters[noDistance]["field"].AsString, letters[noDistance]["reason"].AsString));
        Assert.Equal("date", letters[textDate]["field"].AsString);
        Assert.Contains("not a date", letters[textDate]["reason"].AsString, StringComparison.Ordinal);
        var unscored = await host.Database.GetCollection<BsonDocument>("flights_dead").Find(new BsonDocument("prediction", new BsonDocument("$exists", false))).ToListAsync();
        Assert.Equal(new[] { badDistance, noDistance, textDate }.Order(), unscored.Select(d => d["_id"].AsObjectId).Order());
    }

    [Fact]
    public async Task Run_DeadLetterRateAboveMaxErrorRate_Fails()
    {
        await host.SeedAsync("flights_strict", 50);
        await host.Database.GetCollection<BsonDocument>("flights_strict").InsertOneAsync(
            new BsonDocument { { "_id", ObjectId.GenerateNewId() }, { "date", DateTime.UtcNow }, { "distance", double.NaN }, { "origin", "ATL" }, { "destination", "DEN" } });

        var run = await host.RunAsync(new RunRequest("strict", "test"));

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(1, run.Counts.DeadLettered);
        Assert.Contains("maxErrorRate", run.Error, StringComparison.Ordinal);
        Assert.Equal(50, run.Counts.Written);
    }

    [Fact]
    public async Task Start_JobAlreadyRunning_ReturnsTheRunningRunAndStartsNoOther()
    {
        await host.SeedAsync("flights_lock", 30);
        var starter = host.Get<RunStarter>();
        var first = await starter.StartAsync(new RunRequest("lock", "test"), CancellationToken.None);

        var second = await starter.StartAsync(new RunRequest("lock", "test", ModelVersion: 2), CancellationToken.None);

        Assert.True(first.Started);
        Assert.False(second.Started);
        Assert.Equal(first.Run.Id, second.Run.Id);
        Assert.Single(await host.Get<RunLedger>().ListAsync("lock", 10, CancellationToken.None));

        var finished = await host.Get<InProcessRunner>().ExecuteAsync(first.Run, null, CancellationToken.None);
        var third = await starter.StartAsync(new RunRequest("lock", "test"), CancellationToken.None);

        Assert.Equal(RunStatus.Succeeded, finished.Status);
        Assert.True(third.Started);
        Assert.NotEqual(first.Run.Id, third.Run.Id);
    }

    [Fact]
    public async Task Acquire_HolderSilentLongerThanAbandonedAfter_TakesTheLockAndFailsTheOldRun()
    {
        await host.SeedAsync("flights_abandon", 5);
        var stale = await host.Get<RunStarter>().StartAsync(new RunRequest("abandon", "test"), CancellationToken.None);
        var runLock = host.Get<RunLock>();
        var later = stale.Run.HeartbeatAt.AddHours(2);

        var holder = await runLock.TryAcquireAsync("abandon", "abandon-new", later, TimeSpan.FromHours(1), CancellationToken.None);

        Assert.Null(holder);
        var old = await host.Get<RunLedger>().GetAsync(stale.Run.Id, CancellationToken.None);
        Assert.Equal(RunStatus.Failed, old.Status);
        Assert.Contains("abandoned", old.Error, StringComparison.Ordinal);
        await runLock.ReleaseAsync("abandon", "abandon-new", CancellationToken.None);
    }

    [Fact]
    public async Task Run_ModelRejectsTheJobColumns_FailsAtOnceNamingModelAndColumns()
    {
        await host.SeedAsync("flights_mismatch", 10);

        var error = await Assert.ThrowsAsync<BatchPredictException>(() => host.RunAsync(new RunRequest("mismatch", "test")));

        Assert.Contains("flight-delay:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Km:Single", error.Message, StringComparison.Ordinal);
        var run = Assert.Single(await host.Get<RunLedger>().ListAsync("mismatch", 10, CancellationToken.None));
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(error.Message, run.Error);
        Assert.Equal(0, run.Counts.Written);
        var next = await host.Get<RunStarter>().StartAsync(new RunRequest("mismatch", "test"), CancellationToken.None);
        Assert.True(next.Started);
        await host.Get<RunFinalizer>().CancelAsync(next.Run.Id, CancellationToken.None);
    }
}
