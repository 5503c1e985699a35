using System.Text.Json.Nodes;
using BatchPredict.Core.Jobs;

namespace BatchPredict.Core.Tests.Jobs;

public sealed class JobCatalogTests
{
    private static string Edit(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(JobFiles.DemoJobJson())!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    [Fact]
    public void Load_RepositoryJobs_ReadsTheDemoJob()
    {
        var catalog = JobCatalog.Load(JobFiles.RepositoryJobs());

        var job = catalog.Get("flight-delay");
        Assert.Equal("flights", job.Source.Collection);
        Assert.Equal(["Distance", "Hour", "Dow", "Month", "Origin", "Destination"], job.Features.Select(f => f.Column));
        Assert.Equal(DatePart.DayOfWeek, job.Features.Single(f => f.Column == "Dow").DatePart);
        Assert.Equal(new JobModel("flight-delay", "production", null), job.Model);
        Assert.Equal(new JobOutput("prediction", null), job.Output);
        Assert.Equal("America/New_York", job.Schedule!.TimeZone.Id);
        Assert.NotNull(CronSchedule.Next(job.Schedule, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Load_MissingRequiredField_NamesFileFieldAndReason()
    {
        var dir = JobFiles.Folder(("bad.json", Edit(o => o["model"]!.AsObject().Remove("alias"))));

        var error = Assert.Throws<JobConfigurationException>(() => JobCatalog.Load(dir));

        Assert.Contains(error.Errors, e => e.File.EndsWith("bad.json", StringComparison.Ordinal) && e.Pointer == "/model");
        Assert.All(error.Errors, e => Assert.Equal("/model", e.Pointer));
        Assert.Contains("bad.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongFeatureType_PointsAtTheFeature()
    {
        var dir = JobFiles.Folder(("bad.json", Edit(o => o["features"]![2]!["type"] = "Double")));

        var error = Assert.Throws<JobConfigurationException>(() => JobCatalog.Load(dir));

        Assert.Contains(error.Errors, e => e.Pointer == "/features/2/type");
        Assert.All(error.Errors, e => Assert.StartsWith("/features/2", e.Pointer, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("schedule", "cron", "61 * * * *", "/schedule/cron")]
    [InlineData("schedule", "timeZone", "Mars/Olympus", "/schedule/timeZone")]
    public void Load_BadSchedule_PointsAtTheField(string section, string field, string value, string pointer)
    {
        var dir = JobFiles.Folder(("bad.json", Edit(o => o[section]![field] = value)));

        var error = Assert.Throws<JobConfigurationException>(() => JobCatalog.Load(dir));

        Assert.Equal(pointer, Assert.Single(error.Errors).Pointer);
    }

    [Fact]
    public void Load_FilterThatIsNotExtendedJson_PointsAtTheFilter()
    {
        var dir = JobFiles.Folder(("bad.json", Edit(o => o["source"]!["filter"] = JsonNode.Parse("""{"_id": {"$oid": "nope"}}"""))));

        var error = Assert.Throws<JobConfigurationException>(() => JobCatalog.Load(dir));

        Assert.Equal("/source/filter", Assert.Single(error.Errors).Pointer);
    }

    [Fact]
    public void Load_DuplicateNamesAndOneBadFile_ReportsEveryErrorAndLoadsNothing()
    {
        var good = JobFiles.DemoJobJson();
        var dir = JobFiles.Folder(("a.json", good), ("b.json", good), ("c.json", "{ not json"));

        var error = Assert.Throws<JobConfigurationException>(() => JobCatalog.Load(dir));

        Assert.Equal(2, error.Errors.Count);
        Assert.Contains(error.Errors, e => e.File.EndsWith("b.json", StringComparison.Ordinal) && e.Pointer == "/name");
        Assert.Contains(error.Errors, e => e.File.EndsWith("c.json", StringComparison.Ordinal) && e.Reason.Contains("not valid JSON", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DefaultRuleWithoutDefault_IsRefused()
    {
        var dir = JobFiles.Folder(("bad.json", Edit(o => o["features"]![4]!.AsObject().Remove("default"))));

        var error = Assert.Throws<JobConfigurationException>(() => JobCatalog.Load(dir));

        Assert.Equal("/features/4", Assert.Single(error.Errors).Pointer);
    }

    [Fact]
    public void Load_IncrementalWithOutputCollection_IsRefused()
    {
        var dir = JobFiles.Folder(("bad.json", Edit(o =>
        {
            o["output"]!["collection"] = "predictions";
            o["incremental"]!["enabled"] = true;
        })));

        var error = Assert.Throws<JobConfigurationException>(() => JobCatalog.Load(dir));

        Assert.Equal("/incremental/enabled", Assert.Single(error.Errors).Pointer);
    }

    [Fact]
    public void Get_UnknownJob_NamesTheKnownOnes()
    {
        var catalog = JobCatalog.Load(JobFiles.RepositoryJobs());

        var error = Assert.Throws<BatchPredictException>(() => catalog.Get("nope"));

        Assert.Contains("flight-delay", error.Message, StringComparison.Ordinal);
    }
}
