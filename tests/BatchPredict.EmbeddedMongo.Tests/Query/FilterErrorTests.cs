using static BatchPredict.EmbeddedMongo.Tests.Query.FilterTestData;

namespace BatchPredict.EmbeddedMongo.Tests.Query;

public sealed class FilterErrorTests
{
    [Theory]
    [InlineData("{a: {$foo: 1}}", 2, "unknown operator: $foo")]
    [InlineData("{$foo: 1}", 2, "unknown top level operator: $foo")]
    [InlineData("{a: {$in: 5}}", 2, "$in needs an array")]
    [InlineData("{a: {$nin: 5}}", 2, "$nin needs an array")]
    [InlineData("{$and: []}", 2, "$and must be a nonempty array")]
    [InlineData("{$or: [1]}", 2, "$or argument's entries must be objects")]
    [InlineData("{a: {$not: 5}}", 2, "$not needs a regex or a document")]
    [InlineData("{a: {$not: {}}}", 2, "$not cannot be empty")]
    [InlineData("{a: {$gt: 1, b: 2}}", 2, "unknown operator: b")]
    [InlineData("{a: {$type: 'nope'}}", 2, "Unknown type name alias: nope")]
    [InlineData("{$where: 'this.a > 1'}", 115, "$where (server-side JavaScript) is not supported by the embedded server")]
    [InlineData("{a: {$near: [0, 0]}}", 115, "query operator $near is not supported by the embedded server")]
    public void Compile_InvalidFilter_ThrowsMongoError(string filter, int code, string message)
    {
        var error = CompileError(filter);

        Assert.Equal(code, error.Code);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
