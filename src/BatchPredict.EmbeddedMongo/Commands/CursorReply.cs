using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>The cursor reply shapes of find, aggregate, listCollections and getMore.</summary>
internal static class CursorReply
{
    public static BsonDocument First(string ns, long cursorId, BsonArray batch) =>
        new("cursor", new BsonDocument { { "firstBatch", batch }, { "id", cursorId }, { "ns", ns } });

    public static BsonDocument Next(string ns, long cursorId, BsonArray batch) =>
        new("cursor", new BsonDocument { { "nextBatch", batch }, { "id", cursorId }, { "ns", ns } });
}
