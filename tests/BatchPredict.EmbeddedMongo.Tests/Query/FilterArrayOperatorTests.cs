using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;
using static BatchPredict.EmbeddedMongo.Tests.Query.FilterTestData;

namespace BatchPredict.EmbeddedMongo.Tests.Query;

public sealed class FilterArrayOperatorTests
{
    [Theory]
    [InlineData("{a: {$all: [1, 2]}}", "{a: [2, 3, 1]}", true)]
    [InlineData("{a: {$all: [1, 2]}}", "{a: [1, 3]}", false)]
    [InlineData("{a: {$all: [1]}}", "{a: 1}", true)]
    [InlineData("{a: {$all: []}}", "{a: [1]}", false)]
    [InlineData("{a: {$all: [{$elemMatch: {b: 1}}, {$elemMatch: {c: 2}}]}}", "{a: [{b: 1}, {c: 2}]}", true)]
    [InlineData("{a: {$elemMatch: {$gte: 80, $lt: 85}}}", "{a: [79, 86, 82]}", true)]
    [InlineData("{a: {$elemMatch: {$gte: 80, $lt: 85}}}", "{a: [79, 86]}", false)]
    [InlineData("{a: {$elemMatch: {b: 1, c: 2}}}", "{a: [{b: 1, c: 1}, {b: 2, c: 2}]}", false)]
    [InlineData("{a: {$elemMatch: {b: 1, c: 2}}}", "{a: [{b: 1, c: 2}]}", true)]
    [InlineData("{a: {$elemMatch: {b: 1}}}", "{a: {b: 1}}", false)]
    [InlineData("{a: {$elemMatch: {$ne: 1}}}", "{a: [1, 1]}", false)]
    [InlineData("{a: {$elemMatch: {$or: [{b: 5}, {c: 5}]}}}", "{a: [{c: 5}]}", true)]
    [InlineData("{a: {$size: 2}}", "{a: [1, 2]}", true)]
    [InlineData("{a: {$size: 2}}", "{a: [[1, 2]]}", false)]
    [InlineData("{a: {$size: 0}}", "{a: []}", true)]
    [InlineData("{a: {$size: 1}}", "{a: 5}", false)]
    public void Matches_ArrayOperators_ReturnsExpected(string filter, string document, bool expected) =>
        Assert.Equal(expected, Matches(filter, document));

    [Theory]
    [InlineData("{a: {$regex: '^ab'}}", "{a: 'abc'}", true)]
    [InlineData("{a: {$regex: '^AB', $options: 'i'}}", "{a: 'abc'}", true)]
    [InlineData("{a: /^AB/i}", "{a: 'abc'}", true)]
    [InlineData("{a: /^b/m}", "{a: 'a\\nb'}", true)]
    [InlineData("{a: {$regex: '^b'}}", "{a: 'a\\nb'}", false)]
    [InlineData("{a: {$regex: 'x'}}", "{a: ['y', 'zx']}", true)]
    [InlineData("{a: {$regex: 'x'}}", "{a: 5}", false)]
    [InlineData("{a: {$in: [/^a/]}}", "{a: 'ab'}", true)]
    [InlineData("{a: {$mod: [4, 1]}}", "{a: 9}", true)]
    [InlineData("{a: {$mod: [4, 1]}}", "{a: 10}", false)]
    [InlineData("{a: {$mod: [4, 1]}}", "{a: 9.5}", true)]
    [InlineData("{a: {$mod: [4, 1]}}", "{a: 'x'}", false)]
    [InlineData("{$expr: {$gt: ['$a', '$b']}}", "{a: 5, b: 3}", true)]
    [InlineData("{$expr: {$gt: ['$a', '$b']}}", "{a: 1, b: 3}", false)]
    [InlineData("{$expr: {$eq: [{$size: '$l'}, 2]}}", "{l: [1, 2]}", true)]
    public void Matches_RegexModExpr_ReturnsExpected(string filter, string document, bool expected) =>
        Assert.Equal(expected, Matches(filter, document));

    [Fact]
    public void Matches_RegexOperatorWithRegexValue_UsesItsOptions()
    {
        var filter = Filter.Compile(new BsonDocument("a", new BsonDocument("$regex", new BsonRegularExpression("^AB", "i"))));

        Assert.True(filter.Matches(BsonDocument.Parse("{a: 'abc'}")));
        Assert.False(filter.Matches(BsonDocument.Parse("{a: 'xabc'}")));
    }

    [Fact]
    public void Compile_RegexOptionsGivenTwice_ThrowsBadValue()
    {
        var spec = new BsonDocument("a", new BsonDocument { { "$regex", new BsonRegularExpression("x", "i") }, { "$options", "m" } });

        var error = Assert.Throws<MongoCommandError>(() => Filter.Compile(spec));

        Assert.Equal("options set in both $regex and $options", error.Message);
    }

    [Fact]
    public void Compile_RegexNotString_ThrowsBadValue()
    {
        var error = Assert.Throws<MongoCommandError>(() => Filter.Compile(new BsonDocument("a", new BsonDocument("$regex", 5))));

        Assert.Equal("$regex has to be a string", error.Message);
    }

    [Fact]
    public void Matches_ElemMatch_ReportsMatchedElementIndex()
    {
        var filter = Filter.Compile(BsonDocument.Parse("{a: {$elemMatch: {b: 2}}}"));

        Assert.True(filter.Matches(BsonDocument.Parse("{a: [{b: 1}, {b: 2}]}"), out var index));
        Assert.Equal(1, index);
    }

    [Fact]
    public void Matches_ExprWithContextVariable_UsesVariable()
    {
        var context = new FilterContext(DateTime.UnixEpoch, new Dictionary<string, BsonValue> { ["limit"] = 10 });
        var filter = Filter.Compile(BsonDocument.Parse("{$expr: {$lt: ['$a', '$$limit']}}"), context);

        Assert.True(filter.Matches(BsonDocument.Parse("{a: 5}")));
        Assert.False(filter.Matches(BsonDocument.Parse("{a: 15}")));
    }

    [Theory]
    [InlineData("{a: {$size: -1}}", "$size may not be negative")]
    [InlineData("{a: {$size: 1.5}}", "$size must be a whole number")]
    [InlineData("{a: {$size: 'x'}}", "$size needs a number")]
    [InlineData("{a: {$mod: [4]}}", "malformed mod, not enough elements")]
    [InlineData("{a: {$mod: [4, 1, 2]}}", "malformed mod, too many elements")]
    [InlineData("{a: {$mod: [0, 1]}}", "divisor cannot be 0")]
    [InlineData("{a: {$options: 'i'}}", "$options needs a $regex")]
    [InlineData("{a: {$all: 5}}", "$all needs an array")]
    [InlineData("{a: {$elemMatch: 5}}", "$elemMatch needs an Object")]
    public void Compile_InvalidArrayOrRegexOperator_ThrowsBadValue(string filter, string message)
    {
        var error = CompileError(filter);

        Assert.Equal(2, error.Code);
        Assert.Equal(message, error.Message);
    }
}
