using static BatchPredict.EmbeddedMongo.Tests.Aggregation.PipelineTestData;

namespace BatchPredict.EmbeddedMongo.Tests.Aggregation;

public sealed class PipelineErrorTests
{
    [Theory]
    [InlineData("[{$foo: {}}]", 40324, "Unrecognized pipeline stage name: '$foo'")]
    [InlineData("[{$match: {}, $limit: 1}]", 40323, "A pipeline stage specification object must contain exactly one field.")]
    [InlineData("[{$out: 'x'}, {$limit: 1}]", 40601, "$out can only be the final stage in the pipeline")]
    [InlineData("[{$project: {a: {$foo: 1}}}]", 168, "Unrecognized expression '$foo'")]
    [InlineData("[{$group: {n: {$sum: 1}}}]", 15955, "a group specification must include an _id")]
    [InlineData("[{$group: {_id: 1, n: {$median: 1}}}]", 15952, "unknown group operator '$median' (for field 'n')")]
    [InlineData("[{$group: {_id: 1, n: 5}}]", 40234, "The field 'n' must be an accumulator object")]
    [InlineData("[{$sort: {}}]", 15976, "$sort stage must have at least one sort key")]
    [InlineData("[{$limit: 0}]", 15958, "the limit must be positive")]
    [InlineData("[{$skip: -1}]", 15956, "invalid argument to $skip stage: the skip must be a non-negative number")]
    [InlineData("[{$project: {a: 1, b: 0}}]", 31254, "Invalid $project :: caused by :: Cannot do exclusion in inclusion projection: { \"a\" : 1, \"b\" : 0 }")]
    [InlineData("[{$unwind: 'tags'}]", 28818, "path option to $unwind stage should be prefixed with a '$': tags")]
    [InlineData("[{$count: ''}]", 40156, "the count field must be a non-empty string")]
    [InlineData("[{$facet: {x: [{$facet: {y: []}}]}}]", 40600, "$facet is not allowed to be used within a $facet stage")]
    [InlineData("[{$bucket: {groupBy: '$a', boundaries: [0, 1]}}]", 115, "aggregation stage $bucket is not supported by the embedded server")]
    [InlineData("[{$lookup: {from: 'x', as: 'y'}}]", 9, "$lookup requires either both localField and foreignField, or a pipeline")]
    public void Compile_InvalidPipeline_ThrowsMongoError(string pipeline, int code, string message)
    {
        var error = Assert.Throws<MongoCommandError>(() => Run(pipeline));

        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Execute_ReplaceRootWithNonDocument_ThrowsMongoError() =>
        Assert.Equal(40228, Assert.Throws<MongoCommandError>(() => Run("[{$replaceRoot: {newRoot: '$qty'}}]")).Code);
}
