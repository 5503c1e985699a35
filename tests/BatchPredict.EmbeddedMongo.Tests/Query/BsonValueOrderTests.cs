using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Tests.Query;

public sealed class BsonValueOrderTests
{
    private static BsonValue V(string json) => BsonDocument.Parse("{v: " + json + "}")["v"];

    [Theory]
    [InlineData("{$minKey: 1}", "null")]
    [InlineData("null", "0")]
    [InlineData("99999", "''")]
    [InlineData("'zzz'", "{}")]
    [InlineData("{a: 5}", "[]")]
    [InlineData("[9]", "BinData(0, 'AQ==')")]
    [InlineData("BinData(0, 'AQ==')", "ObjectId('000000000000000000000000')")]
    [InlineData("ObjectId('ffffffffffffffffffffffff')", "false")]
    [InlineData("true", "ISODate('1970-01-01T00:00:00Z')")]
    [InlineData("ISODate('2100-01-01T00:00:00Z')", "Timestamp(0, 0)")]
    [InlineData("Timestamp(99, 9)", "/a/")]
    [InlineData("/z/", "{$maxKey: 1}")]
    public void Compare_DifferentTypeBrackets_FollowsMongoOrder(string lower, string higher)
    {
        Assert.Equal(-1, BsonValueOrder.Compare(V(lower), V(higher)));
        Assert.Equal(1, BsonValueOrder.Compare(V(higher), V(lower)));
    }

    [Theory]
    [InlineData("1", "NumberLong(1)")]
    [InlineData("1", "1.0")]
    [InlineData("NumberLong(1)", "NumberDecimal('1.00')")]
    [InlineData("2.5", "NumberDecimal('2.5')")]
    [InlineData("NaN", "NaN")]
    [InlineData("'abc'", "'abc'")]
    [InlineData("{a: 1, b: [1, 2]}", "{a: 1.0, b: [NumberLong(1), 2]}")]
    public void Compare_EqualValuesAcrossNumericTypes_ReturnsZeroAndSameHash(string x, string y)
    {
        Assert.Equal(0, BsonValueOrder.Compare(V(x), V(y)));
        Assert.True(BsonValueOrder.EqualityComparer.Equals(V(x), V(y)));
        Assert.Equal(BsonValueOrder.EqualityComparer.GetHashCode(V(x)), BsonValueOrder.EqualityComparer.GetHashCode(V(y)));
    }

    [Theory]
    [InlineData("1", "2")]
    [InlineData("NumberLong('9007199254740992')", "NumberLong('9007199254740993')")]
    [InlineData("9007199254740992.0", "NumberLong('9007199254740993')")]
    [InlineData("NaN", "-Infinity")]
    [InlineData("-1.5", "NumberLong(-1)")]
    [InlineData("NumberDecimal('0.1')", "0.2")]
    [InlineData("'B'", "'a'")]
    [InlineData("{a: 1}", "{b: 0}")]
    [InlineData("{a: 1}", "{a: 1, b: 0}")]
    [InlineData("{a: 1}", "{a: 'x'}")]
    [InlineData("[1, 2]", "[1, 3]")]
    [InlineData("[1]", "[1, 0]")]
    [InlineData("false", "true")]
    [InlineData("BinData(0, 'AQ==')", "BinData(0, 'AAA=')")]
    public void Compare_SameBracket_OrdersByValue(string lower, string higher)
    {
        Assert.Equal(-1, BsonValueOrder.Compare(V(lower), V(higher)));
        Assert.Equal(1, BsonValueOrder.Compare(V(higher), V(lower)));
    }

    [Fact]
    public void EqualityComparer_AsDictionaryKey_FindsNumericallyEqualKeys()
    {
        var map = new Dictionary<BsonValue, string>(BsonValueOrder.EqualityComparer) { [new BsonInt32(7)] = "seven" };

        Assert.Equal("seven", map[new BsonDouble(7.0)]);
        Assert.Equal("seven", map[new BsonInt64(7)]);
        Assert.Equal("seven", map[new BsonDecimal128(7m)]);
        Assert.False(map.ContainsKey(new BsonString("7")));
    }

    [Fact]
    public void Comparer_SortsMixedValues_InBracketOrder()
    {
        var values = new List<BsonValue> { "b", 2.5, BsonNull.Value, true, new BsonArray(), 1, new BsonDocument() };

        values.Sort(BsonValueOrder.Comparer);

        Assert.Equal(new BsonValue[] { BsonNull.Value, 1, 2.5, "b", new BsonDocument(), new BsonArray(), true }, values);
    }
}
