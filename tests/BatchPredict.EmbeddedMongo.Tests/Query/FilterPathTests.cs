using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;
using static BatchPredict.EmbeddedMongo.Tests.Query.FilterTestData;

namespace BatchPredict.EmbeddedMongo.Tests.Query;

public sealed class FilterPathTests
{
    [Theory]
    [InlineData("{'a.b': 1}", "{a: {b: 1}}", true)]
    [InlineData("{'a.b.c': 1}", "{a: {b: {c: 1}}}", true)]
    [InlineData("{'a.b': 1}", "{a: {b: 2}}", false)]
    [InlineData("{'a.b': 1}", "{a: [{b: 2}, {b: 1}]}", true)]
    [InlineData("{'a.b': 1}", "{a: [{b: [0, 1]}]}", true)]
    [InlineData("{'a.b': 1}", "{a: 5}", false)]
    [InlineData("{'a.b': null}", "{a: 5}", true)]
    [InlineData("{'a.b': null}", "{a: [{b: 1}, {c: 1}]}", true)]
    [InlineData("{'a.0': 7}", "{a: [7, 8]}", true)]
    [InlineData("{'a.1': 7}", "{a: [7, 8]}", false)]
    [InlineData("{'a.1.b': 8}", "{a: [{b: 7}, {b: 8}]}", true)]
    [InlineData("{'a.0': 7}", "{a: {'0': 7}}", true)]
    [InlineData("{'a.5': null}", "{a: [1]}", true)]
    [InlineData("{'a.b.c': 3}", "{a: [{b: [{c: 1}, {c: 3}]}]}", true)]
    [InlineData("{'a.b': {$gt: 1, $lt: 5}}", "{a: [{b: 0}, {b: 10}]}", true)]
    public void Matches_DottedPaths_ReturnsExpected(string filter, string document, bool expected) =>
        Assert.Equal(expected, Matches(filter, document));

    [Theory]
    [InlineData("{a: 5}", "{a: [1, 5, 7]}", 1)]
    [InlineData("{'a.b': 2}", "{a: [{b: 1}, {b: 2}]}", 1)]
    [InlineData("{a: {$gt: 4}}", "{a: [1, 5, 7]}", 1)]
    public void Matches_ArrayElementMatched_ReportsPositionalIndex(string filter, string document, int expected)
    {
        var matched = Filter.Compile(BsonDocument.Parse(filter)).Matches(BsonDocument.Parse(document), out var index);

        Assert.True(matched);
        Assert.Equal(expected, index);
    }

    [Fact]
    public void Matches_NoArrayOnPath_ReportsNoPositionalIndex()
    {
        var matched = Filter.Compile(BsonDocument.Parse("{a: 5}")).Matches(BsonDocument.Parse("{a: 5}"), out var index);

        Assert.True(matched);
        Assert.Null(index);
    }
}
