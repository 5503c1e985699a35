using BatchPredict.EmbeddedMongo.Update;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Tests.Update;

internal static class UpdateTestData
{
    public static readonly DateTime Now = new(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);

    public static BsonDocument Apply(string update, string document, string? arrayFilters = null, bool upsertInsert = false, int? position = null)
    {
        var filters = arrayFilters is null ? null : BsonSerializationHelper.ParseArray(arrayFilters);
        var plan = UpdatePlan.Compile(BsonDocument.Parse(update), filters);
        return plan.Apply(BsonDocument.Parse(document), new UpdateContext(Now, upsertInsert, position));
    }

    public static void AssertApplies(string update, string document, string expected) =>
        Assert.Equal(BsonDocument.Parse(expected), Apply(update, document));

    public static MongoCommandError Error(string update, string document = "{_id: 1}", string? arrayFilters = null) =>
        Assert.Throws<MongoCommandError>(() => Apply(update, document, arrayFilters));
}

internal static class BsonSerializationHelper
{
    public static BsonArray ParseArray(string json) => BsonDocument.Parse("{a: " + json + "}")["a"].AsBsonArray;
}
