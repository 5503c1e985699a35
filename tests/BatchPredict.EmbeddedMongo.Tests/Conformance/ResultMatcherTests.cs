using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>The conformance runner's own matching rules, checked without a server so its verdicts can be trusted.</summary>
public sealed class ResultMatcherTests
{
    private static readonly ObjectId SavedId = ObjectId.GenerateNewId();

    private readonly ResultMatcher _matcher = new(id => id == "saved" ? SavedId : throw new KeyNotFoundException(id));

    [Theory]
    [InlineData("{ a: 1 }", "{ a: { $numberLong: '1' } }")]
    [InlineData("{ a: 1 }", "{ a: 1.0 }")]
    [InlineData("{ a: 1 }", "{ a: 1, extra: true }")]
    [InlineData("[{ a: 1 }]", "[{ a: 1, extra: true }]")]
    [InlineData("{ a: { $$exists: false } }", "{ b: 1 }")]
    [InlineData("{ a: { $$unsetOrMatches: 2 } }", "{ }")]
    [InlineData("{ a: { $$unsetOrMatches: 2 } }", "{ a: 2 }")]
    [InlineData("{ a: { $$type: ['string', 'date'] } }", "{ a: 'x' }")]
    [InlineData("{ a: { $$matchesHexBytes: '1122' } }", "{ a: { $binary: { base64: 'ESI=', subType: '00' } } }")]
    public void Match_EquivalentValue_Matches(string expected, string actual)
    {
        Assert.Null(_matcher.Match(Parse(expected), Parse(actual)));
    }

    [Theory]
    [InlineData("{ a: 1 }", "{ a: 2 }")]
    [InlineData("{ a: 1 }", "{ b: 1 }")]
    [InlineData("{ a: { b: 1 } }", "{ a: { b: 1, extra: true } }")]
    [InlineData("[{ a: 1 }]", "[{ a: 1 }, { a: 2 }]")]
    [InlineData("{ a: { $$exists: true } }", "{ b: 1 }")]
    [InlineData("{ a: { $$unsetOrMatches: 2 } }", "{ a: 3 }")]
    [InlineData("{ a: { $$type: 'int' } }", "{ a: 'x' }")]
    [InlineData("{ a: null }", "{ }")]
    public void Match_DifferentValue_ReportsPath(string expected, string actual)
    {
        var failure = _matcher.Match(Parse(expected), Parse(actual));

        Assert.NotNull(failure);
        Assert.StartsWith("result", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_MatchesEntity_ComparesWithSavedResult()
    {
        var expected = new BsonDocument("_id", new BsonDocument("$$matchesEntity", "saved"));

        Assert.Null(_matcher.Match(expected, new BsonDocument("_id", SavedId)));
        Assert.NotNull(_matcher.Match(expected, new BsonDocument("_id", ObjectId.GenerateNewId())));
    }

    [Fact]
    public void MatchExactly_ExtraFieldInRootDocument_Fails()
    {
        var failure = _matcher.MatchExactly(Parse("[{ _id: 1 }]"), Parse("[{ _id: 1, x: 1 }]"));

        Assert.Contains("unexpected field 'x'", failure, StringComparison.Ordinal);
    }

    private static BsonValue Parse(string json) =>
        json.StartsWith('[') ? BsonDocument.Parse($"{{ v: {json} }}")["v"] : BsonDocument.Parse(json);
}
