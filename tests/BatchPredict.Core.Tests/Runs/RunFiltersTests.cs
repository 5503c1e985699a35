using BatchPredict.Core.Jobs;
using BatchPredict.Core.Runs;
using BatchPredict.Core.Scoring;
using BatchPredict.Core.Tests.Jobs;
using MongoDB.Bson;

namespace BatchPredict.Core.Tests.Runs;

public sealed class RunFiltersTests
{
    private static readonly JobDefinition Demo = JobFileParser.Parse("flight-delay.json", JobFiles.DemoJobJson());
    private static readonly ModelLineage Model = new("flight-delay", 2, "ab");

    [Fact]
    public void Effective_NotIncremental_IsTheFilterItself()
    {
        var filter = new BsonDocument("origin", "ATL");

        Assert.Same(filter, RunFilters.Effective(Demo, filter, Model, incremental: false));
    }

    [Fact]
    public void Effective_Incremental_SelectsDocumentsNotScoredByThisVersion()
    {
        var effective = RunFilters.Effective(Demo, new BsonDocument("origin", "ATL"), Model, incremental: true);

        var expected = BsonDocument.Parse("""
            { "$and": [ { "origin": "ATL" }, { "$or": [
                { "prediction.model.name": { "$ne": "flight-delay" } },
                { "prediction.model.version": { "$ne": 2 } } ] } ] }
            """);
        Assert.Equal(expected, effective);
    }

    [Fact]
    public void Effective_IncrementalWithUpdatedAt_AlsoSelectsChangedDocuments()
    {
        var job = Demo with { Incremental = new JobIncremental(true, "updatedAt") };

        var effective = RunFilters.Effective(job, [], Model, incremental: true);

        Assert.Equal(3, effective["$or"].AsBsonArray.Count);
        Assert.Equal(BsonDocument.Parse("""{ "$expr": { "$gt": ["$updatedAt", "$prediction.scoredAt"] } }"""), effective["$or"][2]);
    }

    [Fact]
    public void Partition_AfterCheckpoint_StartsAfterItAndKeepsTheUpperBound()
    {
        var partition = new PartitionProgress { Lower = 10, Upper = 20, Checkpoint = 14 };

        var filter = RunFilters.Partition([], partition, mixedIdTypes: false);

        Assert.Equal(BsonDocument.Parse("""{ "_id": { "$gt": 14, "$lt": 20 } }"""), filter);
    }

    [Fact]
    public void Partition_MixedIdTypes_ComparesInFullBsonOrder()
    {
        var partition = new PartitionProgress { Lower = "a", Upper = ObjectId.Parse("650000000000000000000000") };

        var filter = RunFilters.Partition([], partition, mixedIdTypes: true);

        Assert.Equal(
            BsonDocument.Parse("""{ "$expr": { "$and": [ { "$gte": ["$_id", { "$literal": "a" }] }, { "$lt": ["$_id", { "$literal": { "$oid": "650000000000000000000000" } }] } ] } }"""),
            filter);
    }

    [Fact]
    public void Partition_OpenEnds_NoIdCondition()
    {
        var filter = RunFilters.Partition(new BsonDocument("a", 1), new PartitionProgress(), mixedIdTypes: true);

        Assert.Equal(new BsonDocument("a", 1), filter);
    }

    [Fact]
    public void Projection_TopLevelFieldsOfTheFeatures()
    {
        var projection = RunFilters.Projection(Demo);

        Assert.Equal(BsonDocument.Parse("""{ "distance": 1, "date": 1, "origin": 1, "destination": 1 }"""), projection);
    }
}
