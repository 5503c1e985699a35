using static BatchPredict.EmbeddedMongo.Tests.Query.FilterTestData;

namespace BatchPredict.EmbeddedMongo.Tests.Query;

public sealed class FilterLogicalTests
{
    [Theory]
    [InlineData("{$and: [{a: 1}, {b: 2}]}", "{a: 1, b: 2}", true)]
    [InlineData("{$and: [{a: 1}, {b: 2}]}", "{a: 1, b: 3}", false)]
    [InlineData("{$or: [{a: 1}, {b: 2}]}", "{a: 0, b: 2}", true)]
    [InlineData("{$or: [{a: 1}, {b: 2}]}", "{a: 0, b: 0}", false)]
    [InlineData("{$nor: [{a: 1}, {b: 2}]}", "{a: 0, b: 0}", true)]
    [InlineData("{$nor: [{a: 1}, {b: 2}]}", "{a: 1}", false)]
    [InlineData("{a: {$not: {$gt: 5}}}", "{a: 3}", true)]
    [InlineData("{a: {$not: {$gt: 5}}}", "{a: [3, 7]}", false)]
    [InlineData("{a: {$not: {$gt: 5}}}", "{b: 1}", true)]
    [InlineData("{a: {$not: /^x/}}", "{a: 'yx'}", true)]
    [InlineData("{a: {$not: /^x/}}", "{a: 'xy'}", false)]
    [InlineData("{$comment: 'hi', a: 1}", "{a: 1}", true)]
    public void Matches_LogicalOperators_ReturnsExpected(string filter, string document, bool expected) =>
        Assert.Equal(expected, Matches(filter, document));

    [Theory]
    [InlineData("{a: {$exists: true}}", "{a: null}", true)]
    [InlineData("{a: {$exists: true}}", "{b: 1}", false)]
    [InlineData("{a: {$exists: false}}", "{b: 1}", true)]
    [InlineData("{'a.b': {$exists: true}}", "{a: [{c: 1}, {b: 1}]}", true)]
    [InlineData("{'a.b': {$exists: false}}", "{a: [{c: 1}, {b: 1}]}", false)]
    [InlineData("{a: {$type: 'string'}}", "{a: 'x'}", true)]
    [InlineData("{a: {$type: 2}}", "{a: 'x'}", true)]
    [InlineData("{a: {$type: 'number'}}", "{a: NumberLong(1)}", true)]
    [InlineData("{a: {$type: 'int'}}", "{a: 1.5}", false)]
    [InlineData("{a: {$type: ['int', 'double']}}", "{a: 1.5}", true)]
    [InlineData("{a: {$type: 'array'}}", "{a: []}", true)]
    [InlineData("{a: {$type: 'string'}}", "{a: [1, 'x']}", true)]
    [InlineData("{a: {$type: 'null'}}", "{b: 1}", false)]
    [InlineData("{a: {$type: 'date'}}", "{a: ISODate('2020-01-01T00:00:00Z')}", true)]
    [InlineData("{a: {$type: 'objectId'}}", "{a: ObjectId('000000000000000000000001')}", true)]
    public void Matches_ElementOperators_ReturnsExpected(string filter, string document, bool expected) =>
        Assert.Equal(expected, Matches(filter, document));
}
