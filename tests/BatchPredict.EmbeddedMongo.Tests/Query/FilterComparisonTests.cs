using static BatchPredict.EmbeddedMongo.Tests.Query.FilterTestData;

namespace BatchPredict.EmbeddedMongo.Tests.Query;

public sealed class FilterComparisonTests
{
    [Theory]
    [InlineData("{a: 1}", "{a: 1}", true)]
    [InlineData("{a: 1}", "{a: 1.0}", true)]
    [InlineData("{a: 1}", "{a: NumberLong(1)}", true)]
    [InlineData("{a: 1}", "{a: '1'}", false)]
    [InlineData("{a: 1}", "{b: 1}", false)]
    [InlineData("{a: 1}", "{a: [3, 1]}", true)]
    [InlineData("{a: [1, 2]}", "{a: [1, 2]}", true)]
    [InlineData("{a: [1, 2]}", "{a: [2, 1]}", false)]
    [InlineData("{a: [1, 2]}", "{a: [[1, 2], 3]}", true)]
    [InlineData("{a: {b: 1, c: 2}}", "{a: {b: 1, c: 2}}", true)]
    [InlineData("{a: {b: 1, c: 2}}", "{a: {c: 2, b: 1}}", false)]
    [InlineData("{a: null}", "{b: 1}", true)]
    [InlineData("{a: null}", "{a: null}", true)]
    [InlineData("{a: null}", "{a: 0}", false)]
    [InlineData("{a: 1, b: 2}", "{a: 1, b: 2}", true)]
    [InlineData("{a: 1, b: 2}", "{a: 1, b: 3}", false)]
    [InlineData("{}", "{x: 1}", true)]
    [InlineData("{a: /^ab/}", "{a: 'abc'}", true)]
    public void Matches_ImplicitEquality_ReturnsExpected(string filter, string document, bool expected) =>
        Assert.Equal(expected, Matches(filter, document));

    [Theory]
    [InlineData("{a: {$eq: 5}}", "{a: 5}", true)]
    [InlineData("{a: {$eq: /x/}}", "{a: 'x'}", false)]
    [InlineData("{a: {$eq: /x/}}", "{a: /x/}", true)]
    [InlineData("{a: {$ne: 5}}", "{a: 6}", true)]
    [InlineData("{a: {$ne: 5}}", "{a: [5, 6]}", false)]
    [InlineData("{a: {$ne: 5}}", "{b: 5}", true)]
    [InlineData("{a: {$ne: null}}", "{b: 5}", false)]
    [InlineData("{a: {$gt: 5}}", "{a: 6}", true)]
    [InlineData("{a: {$gt: 5}}", "{a: 5}", false)]
    [InlineData("{a: {$gt: 5}}", "{a: '6'}", false)]
    [InlineData("{a: {$gt: 5}}", "{a: [1, 9]}", true)]
    [InlineData("{a: {$gte: 5}}", "{a: 5.0}", true)]
    [InlineData("{a: {$lt: 5}}", "{a: NumberDecimal('4.99')}", true)]
    [InlineData("{a: {$lt: 5}}", "{a: null}", false)]
    [InlineData("{a: {$lte: 5}}", "{a: 5}", true)]
    [InlineData("{a: {$lte: null}}", "{b: 1}", true)]
    [InlineData("{a: {$gt: null}}", "{a: null}", false)]
    [InlineData("{a: {$gt: 'a'}}", "{a: 'b'}", true)]
    [InlineData("{a: {$gt: 'a'}}", "{a: 5}", false)]
    [InlineData("{a: {$gt: {$minKey: 1}}}", "{a: 'x'}", true)]
    [InlineData("{a: {$lt: NaN}}", "{a: 1}", false)]
    [InlineData("{a: {$gt: 1}}", "{a: NaN}", false)]
    [InlineData("{a: {$gte: NaN}}", "{a: NaN}", true)]
    [InlineData("{a: {$gt: 1, $lt: 5}}", "{a: [0, 10]}", true)]
    [InlineData("{a: {$gt: 1, $lt: 5}}", "{a: 3}", true)]
    [InlineData("{a: {$gt: 1, $lt: 5}}", "{a: 7}", false)]
    [InlineData("{d: {$gt: ISODate('2020-01-01T00:00:00Z')}}", "{d: ISODate('2021-01-01T00:00:00Z')}", true)]
    public void Matches_ComparisonOperators_ReturnsExpected(string filter, string document, bool expected) =>
        Assert.Equal(expected, Matches(filter, document));

    [Theory]
    [InlineData("{a: {$in: [1, 2]}}", "{a: 2}", true)]
    [InlineData("{a: {$in: [1, 2]}}", "{a: 3}", false)]
    [InlineData("{a: {$in: [1, 2]}}", "{a: [3, 2]}", true)]
    [InlineData("{a: {$in: [null]}}", "{b: 1}", true)]
    [InlineData("{a: {$in: [/^x/, 5]}}", "{a: 'xyz'}", true)]
    [InlineData("{a: {$in: []}}", "{a: 1}", false)]
    [InlineData("{a: {$in: [1,2,3,4,5,6,7,8,9,10,11]}}", "{a: 11.0}", true)]
    [InlineData("{a: {$in: [1,2,3,4,5,6,7,8,9,10,11]}}", "{a: 12}", false)]
    [InlineData("{a: {$nin: [1, 2]}}", "{a: 3}", true)]
    [InlineData("{a: {$nin: [1, 2]}}", "{a: [3, 1]}", false)]
    [InlineData("{a: {$nin: [1, 2]}}", "{b: 1}", true)]
    public void Matches_InAndNin_ReturnsExpected(string filter, string document, bool expected) =>
        Assert.Equal(expected, Matches(filter, document));
}
