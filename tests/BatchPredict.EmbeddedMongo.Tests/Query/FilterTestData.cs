using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Tests.Query;

internal static class FilterTestData
{
    public static bool Matches(string filter, string document) =>
        Filter.Compile(BsonDocument.Parse(filter)).Matches(BsonDocument.Parse(document));

    public static MongoCommandError CompileError(string filter) =>
        Assert.Throws<MongoCommandError>(() => Filter.Compile(BsonDocument.Parse(filter)));
}
