using BatchPredict.Core.Runs;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Tests.Demo;

public sealed class DemoCommandTests(DemoFixture fixture) : IClassFixture<DemoFixture>
{
    [Fact]
    public void Demo_SmallData_LastLineStartsWithScored()
    {
        Assert.Equal(0, fixture.First.ExitCode);
        Assert.Equal(0, fixture.Second.ExitCode);
        var last = fixture.First.Output.TrimEnd().Split('\n')[^1];

        Assert.StartsWith($"scored {DemoFixture.Rows} documents (nightly v1) + ", last, StringComparison.Ordinal);
        Assert.Contains(" (rerun v2) in ", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_SmallData_EveryFlightScoredWithItsRunLineage()
    {
        var (nightly, rerun) = await LastRunsAsync();
        var flights = await Flights().Find(FilterDefinition<BsonDocument>.Empty).ToListAsync();

        Assert.Equal(DemoFixture.Rows, flights.Count);
        Assert.Equal(DemoFixture.Rows, nightly.Counts.Scored);
        Assert.Equal(0, nightly.Counts.DeadLettered + rerun.Counts.DeadLettered);
        Assert.All(flights, flight =>
        {
            var prediction = flight["prediction"].AsBsonDocument;
            var run = prediction["runId"].AsString == rerun.Id ? rerun : nightly;
            Assert.Equal(run.Id, prediction["runId"].AsString);
            Assert.Equal(run.Model.Version, prediction["model"]["version"].ToInt32());
            Assert.Equal(run.Model.Sha256, prediction["model"]["sha256"].AsString);
            Assert.True(prediction["probability"].ToDouble() is >= 0 and <= 1);
        });
    }

    [Fact]
    public async Task Demo_Rerun_RewritesLineageForTheLastMonthOnly()
    {
        var (nightly, rerun) = await LastRunsAsync();
        var flights = await Flights().Find(FilterDefinition<BsonDocument>.Empty).ToListAsync();
        var last = flights.Max(f => f["date"].ToUniversalTime());
        var monthStart = new DateTime(last.Year, last.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var inMonth = flights.Where(f => f["date"].ToUniversalTime() >= monthStart).ToList();
        var before = flights.Where(f => f["date"].ToUniversalTime() < monthStart).ToList();

        Assert.Equal(1, nightly.Model.Version);
        Assert.Equal(2, rerun.Model.Version);
        Assert.NotEmpty(before);
        Assert.NotEmpty(inMonth);
        Assert.Equal(inMonth.Count, rerun.Counts.Scored);
        Assert.All(inMonth, f => Assert.Equal((rerun.Id, 2), (f["prediction"]["runId"].AsString, f["prediction"]["model"]["version"].ToInt32())));
        Assert.All(before, f => Assert.Equal((nightly.Id, 1), (f["prediction"]["runId"].AsString, f["prediction"]["model"]["version"].ToInt32())));
    }

    [Fact]
    public async Task Demo_SecondRun_ReusesImportedFlightsAndRegisteredModels()
    {
        var versions = await fixture.Database.GetCollection<BsonDocument>("bp_model_versions").CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty);

        Assert.Contains("imported 2,000 documents", fixture.First.Output, StringComparison.Ordinal);
        Assert.Contains("pushed v1 as flight-delay:1", fixture.First.Output, StringComparison.Ordinal);
        Assert.Contains("reused: 2,000 documents already imported", fixture.Second.Output, StringComparison.Ordinal);
        Assert.Contains("reused flight-delay:1 (same sha256 already registered)", fixture.Second.Output, StringComparison.Ordinal);
        Assert.Contains("reused flight-delay:2 (same sha256 already registered)", fixture.Second.Output, StringComparison.Ordinal);
        Assert.Equal(2, versions);
        Assert.Equal(fixture.IdsAfterFirst, await fixture.IdsAsync());
        Assert.Equal(4, (await new RunLedger(fixture.Database).ListAsync("flight-delay", 10, CancellationToken.None)).Count);
    }

    private IMongoCollection<BsonDocument> Flights() => fixture.Database.GetCollection<BsonDocument>("flights");

    /// <summary>The second demo's nightly (v1) and rerun (v2) runs: the runs that wrote the predictions there now.</summary>
    private async Task<(RunRecord Nightly, RunRecord Rerun)> LastRunsAsync()
    {
        var runs = (await new RunLedger(fixture.Database).ListAsync("flight-delay", 10, CancellationToken.None))
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Model.Version).ToList();
        Assert.Equal(4, runs.Count);
        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        return (runs[2], runs[3]);
    }
}
