using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Tests.Query;

public sealed class IndexableConditionsTests
{
    private static IReadOnlyList<PathCondition> Conditions(string filter) => Filter.Compile(BsonDocument.Parse(filter)).IndexableConditions;

    [Fact]
    public void IndexableConditions_Equality_ReturnsOneValue()
    {
        var condition = Assert.Single(Conditions("{files_id: 5, n: {$exists: true}}"));

        Assert.Equal("files_id", condition.Path);
        Assert.Equal(new BsonValue[] { 5 }, condition.Values);
    }

    [Fact]
    public void IndexableConditions_In_ReturnsAllValues()
    {
        var condition = Assert.Single(Conditions("{a: {$in: [1, 'x']}}"));

        Assert.Equal(new BsonValue[] { 1, "x" }, condition.Values);
    }

    [Fact]
    public void IndexableConditions_IdRange_MergedIntoOneCondition()
    {
        var condition = Assert.Single(Conditions("{_id: {$gte: 10, $lt: 20}}"));

        Assert.Null(condition.Values);
        Assert.Equal(10, condition.Lower);
        Assert.True(condition.LowerInclusive);
        Assert.Equal(20, condition.Upper);
        Assert.False(condition.UpperInclusive);
    }

    [Fact]
    public void IndexableConditions_RangeOnOtherPath_KeptAsSeparateBounds()
    {
        var conditions = Conditions("{a: {$gt: 1, $lte: 5}}");

        Assert.Equal(2, conditions.Count);
        Assert.Contains(conditions, c => c.Lower == 1 && !c.LowerInclusive && c.Upper is null);
        Assert.Contains(conditions, c => c.Upper == 5 && c.UpperInclusive && c.Lower is null);
    }

    [Fact]
    public void IndexableConditions_NestedAnd_Flattened()
    {
        var conditions = Conditions("{$and: [{a: 1}, {'b.c': 'x'}]}");

        Assert.Equal(new[] { "a", "b.c" }, conditions.Select(c => c.Path));
    }

    [Theory]
    [InlineData("{a: null}")]
    [InlineData("{a: [1, 2]}")]
    [InlineData("{a: /x/}")]
    [InlineData("{a: {$ne: 1}}")]
    [InlineData("{$or: [{a: 1}, {b: 1}]}")]
    [InlineData("{a: {$in: [1, null]}}")]
    public void IndexableConditions_NotSingleKeyConditions_ReturnsNone(string filter) =>
        Assert.Empty(Conditions(filter));
}
