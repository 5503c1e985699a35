using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Tests.Query;

public sealed class SortSpecTests
{
    private static string SortIds(string sort, params string[] documents)
    {
        var docs = documents.Select(BsonDocument.Parse).ToList();
        docs.Sort(SortSpec.Compile(BsonDocument.Parse(sort)).Comparer);
        return string.Join(",", docs.Select(d => d["_id"].ToString()));
    }

    [Theory]
    [InlineData("{a: 1}", "1,2,3", "{_id: 3, a: 3}", "{_id: 1, a: 1}", "{_id: 2, a: 2.5}")]
    [InlineData("{a: -1}", "3,2,1", "{_id: 3, a: 3}", "{_id: 1, a: 1}", "{_id: 2, a: 2.5}")]
    [InlineData("{a: 1}", "1,2,3", "{_id: 3, a: 'x'}", "{_id: 1}", "{_id: 2, a: 5}")]
    [InlineData("{a: 1}", "1,2,3", "{_id: 3, a: 1}", "{_id: 1, a: []}", "{_id: 2, a: null}")]
    [InlineData("{a: 1}", "1,2,3", "{_id: 3, a: [5, 6]}", "{_id: 1, a: [9, 0]}", "{_id: 2, a: 3}")]
    [InlineData("{a: -1}", "1,3,2", "{_id: 3, a: [5, 6]}", "{_id: 1, a: [9, 0]}", "{_id: 2, a: 3}")]
    [InlineData("{a: 1, b: -1}", "2,1,3", "{_id: 3, a: 2, b: 1}", "{_id: 1, a: 1, b: 1}", "{_id: 2, a: 1, b: 2}")]
    [InlineData("{'x.y': 1}", "1,2,3", "{_id: 3, x: {y: 3}}", "{_id: 1, x: [{y: 4}, {y: 1}]}", "{_id: 2, x: {y: 2}}")]
    public void Comparer_Documents_SortedAsMongo(string sort, string expected, params string[] documents) =>
        Assert.Equal(expected, SortIds(sort, documents));

    [Fact]
    public void Compile_Spec_ExposesKeysInOrder()
    {
        var spec = SortSpec.Compile(BsonDocument.Parse("{b: -1, a: 1}"));

        Assert.Equal(new[] { ("b", -1), ("a", 1) }, spec.Keys);
    }

    [Theory]
    [InlineData("{a: 2}", 2)]
    [InlineData("{a: 'asc'}", 2)]
    [InlineData("{a: {$meta: 'textScore'}}", 115)]
    public void Compile_InvalidDirection_ThrowsMongoError(string sort, int code) =>
        Assert.Equal(code, Assert.Throws<MongoCommandError>(() => SortSpec.Compile(BsonDocument.Parse(sort))).Code);
}
