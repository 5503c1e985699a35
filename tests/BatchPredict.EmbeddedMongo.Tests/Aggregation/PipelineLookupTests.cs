using BatchPredict.EmbeddedMongo.Aggregation;
using MongoDB.Bson;
using static BatchPredict.EmbeddedMongo.Tests.Aggregation.PipelineTestData;

namespace BatchPredict.EmbeddedMongo.Tests.Aggregation;

public sealed class PipelineLookupTests
{
    private static readonly TestHost Host = new(new Dictionary<string, List<BsonDocument>>
    {
        ["items"] = [.. Array("[{_id: 'a', name: 'Apple', stock: 5}, {_id: 'b', name: 'Bean', stock: 0}, {_id: 'y', name: 'Yam', stock: 1}]").Select(v => v.AsBsonDocument)],
    });

    [Fact]
    public void Execute_LookupByFields_JoinsMatchingDocuments() =>
        AssertRun("[{$match: {_id: {$in: [1, 4]}}}, {$lookup: {from: 'items', localField: 'item', foreignField: '_id', as: 'it'}}, {$project: {'it.name': 1}}]",
            "[{_id: 1, it: [{name: 'Apple'}]}, {_id: 4, it: []}]", host: Host);

    [Fact]
    public void Execute_LookupWithArrayLocalField_MatchesAnyElement() =>
        AssertRun("[{$match: {_id: 1}}, {$lookup: {from: 'items', localField: 'tags', foreignField: '_id', as: 'it'}}, {$project: {'it._id': 1}}]",
            "[{_id: 1, it: [{_id: 'y'}]}]", host: Host);

    [Fact]
    public void Execute_LookupWithPipelineAndLet_UsesVariables() =>
        AssertRun("[{$match: {_id: 2}}, {$lookup: {from: 'items', let: {q: '$qty'}, pipeline: [{$match: {$expr: {$gte: ['$stock', '$$q']}}}, {$project: {_id: 1}}], as: 'ok'}}, {$project: {ok: 1}}]",
            "[{_id: 2, ok: [{_id: 'a'}, {_id: 'y'}]}]", host: Host);

    [Fact]
    public void Execute_LookupMissingCollection_JoinsNothing() =>
        AssertRun("[{$match: {_id: 1}}, {$lookup: {from: 'none', localField: 'item', foreignField: '_id', as: 'it'}}, {$project: {it: 1}}]",
            "[{_id: 1, it: []}]", host: Host);

    [Fact]
    public void Compile_PipelineProperties_ExposeLeadingMatchAndOutTarget()
    {
        var pipeline = Pipeline.Compile(Array("[{$match: {a: 1}}, {$project: {a: 1}}, {$out: 'dest'}]"), Host);

        Assert.Equal(BsonDocument.Parse("{a: 1}"), pipeline.LeadingMatch);
        Assert.Equal((null, "dest"), pipeline.OutTarget);
    }

    [Fact]
    public void Compile_OutWithDatabase_ExposesBoth()
    {
        var pipeline = Pipeline.Compile(Array("[{$out: {db: 'other', coll: 'dest'}}]"), Host);

        Assert.Equal(("other", "dest"), pipeline.OutTarget);
        Assert.Null(pipeline.LeadingMatch);
    }

    [Fact]
    public void Execute_PipelineWithOut_ReturnsResultsWithoutOut() =>
        AssertRun("[{$match: {_id: 1}}, {$project: {_id: 1}}, {$out: 'x'}]", "[{_id: 1}]");

    [Fact]
    public void Compile_Let_EvaluatesCommandVariables()
    {
        var pipeline = Pipeline.Compile(Array("[{$match: {$expr: {$eq: ['$item', '$$want']}}}, {$project: {_id: 1}}]"), Host, BsonDocument.Parse("{want: {$concat: ['b']}}"));

        Assert.Equal([BsonDocument.Parse("{_id: 2}")], pipeline.Execute(Array(Sales).Select(v => v.AsBsonDocument)).ToList());
    }
}
