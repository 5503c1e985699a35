using BatchPredict.EmbeddedMongo.Update;
using MongoDB.Bson;
using static BatchPredict.EmbeddedMongo.Tests.Update.UpdateTestData;

namespace BatchPredict.EmbeddedMongo.Tests.Update;

public sealed class PipelineUpdateTests
{
    private static BsonDocument ApplyPipeline(string stages, string document) =>
        UpdatePlan.Compile(BsonSerializationHelper.ParseArray(stages)).Apply(BsonDocument.Parse(document), new UpdateContext(Now, false, null));

    [Theory]
    [InlineData("[{$set: {total: {$add: ['$a', '$b']}}}, {$unset: 'b'}]", "{_id: 1, a: 1, b: 2}", "{_id: 1, a: 1, total: 3}")]
    [InlineData("[{$project: {a: 1}}]", "{_id: 1, a: 1, b: 2}", "{_id: 1, a: 1}")]
    [InlineData("[{$replaceWith: {x: '$a'}}]", "{_id: 1, a: 1}", "{_id: 1, x: 1}")]
    [InlineData("[{$set: {at: '$$NOW'}}]", "{_id: 1}", "{_id: 1, at: ISODate('2024-05-06T07:08:09Z')}")]
    public void Apply_PipelineUpdate_ReturnsExpected(string stages, string document, string expected) =>
        Assert.Equal(BsonDocument.Parse(expected), ApplyPipeline(stages, document));

    [Fact]
    public void Apply_PipelineChangingId_ThrowsImmutableField() =>
        Assert.Equal(66, Assert.Throws<MongoCommandError>(() => ApplyPipeline("[{$set: {_id: 2}}]", "{_id: 1}")).Code);

    [Theory]
    [InlineData("[{$match: {a: 1}}]", 72)]
    [InlineData("[{$group: {_id: 1}}]", 72)]
    public void Compile_PipelineWithDisallowedStage_ThrowsInvalidOptions(string stages, int code) =>
        Assert.Equal(code, Assert.Throws<MongoCommandError>(() => UpdatePlan.Compile(BsonSerializationHelper.ParseArray(stages))).Code);
}
