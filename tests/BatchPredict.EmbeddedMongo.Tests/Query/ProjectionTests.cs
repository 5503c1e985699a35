using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Tests.Query;

public sealed class ProjectionTests
{
    private const string Doc = "{_id: 1, a: 1, b: {c: 2, d: 3}, e: [{c: 1, d: 2}, {d: 3}, 7], f: [1, 2, 3, 4]}";

    [Theory]
    [InlineData("{}", Doc)]
    [InlineData("{a: 1}", "{_id: 1, a: 1}")]
    [InlineData("{a: true, _id: 0}", "{a: 1}")]
    [InlineData("{_id: 0}", "{a: 1, b: {c: 2, d: 3}, e: [{c: 1, d: 2}, {d: 3}, 7], f: [1, 2, 3, 4]}")]
    [InlineData("{'b.c': 1}", "{_id: 1, b: {c: 2}}")]
    [InlineData("{'e.c': 1}", "{_id: 1, e: [{c: 1}, {}]}")]
    [InlineData("{'a.c': 1}", "{_id: 1}")]
    [InlineData("{zzz: 1}", "{_id: 1}")]
    [InlineData("{b: 0, e: 0, f: 0}", "{_id: 1, a: 1}")]
    [InlineData("{'b.c': 0, e: 0, f: 0}", "{_id: 1, a: 1, b: {d: 3}}")]
    [InlineData("{'e.d': 0, a: 0, b: 0, f: 0}", "{_id: 1, e: [{c: 1}, {}, 7]}")]
    [InlineData("{f: 1, a: 1, _id: 0}", "{a: 1, f: [1, 2, 3, 4]}")]
    [InlineData("{_id: 1, a: 0, b: 0, e: 0}", "{_id: 1, f: [1, 2, 3, 4]}")]
    [InlineData("{f: {$slice: 2}, a: 0, b: 0, e: 0}", "{_id: 1, f: [1, 2]}")]
    [InlineData("{f: {$slice: -1}, a: 1}", "{_id: 1, a: 1, f: [4]}")]
    [InlineData("{f: {$slice: [1, 2]}, _id: 0, a: 0, b: 0, e: 0}", "{f: [2, 3]}")]
    [InlineData("{e: {$elemMatch: {d: 3}}}", "{_id: 1, e: [{d: 3}]}")]
    [InlineData("{e: {$elemMatch: {d: 9}}}", "{_id: 1}")]
    public void Apply_Projection_ReturnsExpected(string projection, string expected)
    {
        var result = Projection.Compile(BsonDocument.Parse(projection)).Apply(BsonDocument.Parse(Doc));

        Assert.Equal(BsonDocument.Parse(expected), result);
    }

    [Theory]
    [InlineData("{a: 1, b: 0}", 31254)]
    [InlineData("{a: 0, b: 1}", 31253)]
    [InlineData("{a: 1, 'a.b': 1}", 31250)]
    [InlineData("{'a.b': 1, a: 1}", 31250)]
    [InlineData("{'a.$': 1}", 115)]
    [InlineData("{a: {$slice: [1, 0]}}", 2)]
    public void Compile_InvalidProjection_ThrowsMongoError(string projection, int code) =>
        Assert.Equal(code, Assert.Throws<MongoCommandError>(() => Projection.Compile(BsonDocument.Parse(projection))).Code);

    [Fact]
    public void Apply_Projection_DoesNotModifyInput()
    {
        var input = BsonDocument.Parse(Doc);

        Projection.Compile(BsonDocument.Parse("{'b.c': 0}")).Apply(input);

        Assert.Equal(BsonDocument.Parse(Doc), input);
    }
}
