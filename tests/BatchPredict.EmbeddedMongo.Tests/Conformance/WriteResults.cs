using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>
/// The driver's write results in the shape spec files expect. Unacknowledged writes (w: 0) have no counts, only
/// <c>acknowledged: false</c>. Bulk results leave <c>insertedIds</c> unset, which the format allows.
/// </summary>
internal static class WriteResults
{
    private static BsonDocument Unacknowledged => new("acknowledged", false);

    public static BsonDocument From(BulkWriteResult result)
    {
        if (!result.IsAcknowledged)
        {
            return Unacknowledged;
        }

        var upserted = new BsonDocument();
        foreach (var upsert in result.Upserts)
        {
            upserted.Add(upsert.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), upsert.Id);
        }

        return new BsonDocument
        {
            { "deletedCount", result.DeletedCount },
            { "insertedCount", result.InsertedCount },
            { "matchedCount", result.MatchedCount },
            { "modifiedCount", result.IsModifiedCountAvailable ? result.ModifiedCount : BsonNull.Value },
            { "upsertedCount", result.Upserts.Count },
            { "upsertedIds", upserted },
        };
    }

    public static BsonDocument From(UpdateResult result) => result.IsAcknowledged
        ? Update(result.MatchedCount, result.IsModifiedCountAvailable ? result.ModifiedCount : null, result.UpsertedId)
        : Unacknowledged;

    public static BsonDocument From(ReplaceOneResult result) => result.IsAcknowledged
        ? Update(result.MatchedCount, result.IsModifiedCountAvailable ? result.ModifiedCount : null, result.UpsertedId)
        : Unacknowledged;

    public static BsonDocument From(DeleteResult result) =>
        result.IsAcknowledged ? new BsonDocument("deletedCount", result.DeletedCount) : Unacknowledged;

    public static BsonDocument InsertedOne(BsonDocument document, bool acknowledged) =>
        acknowledged ? new BsonDocument("insertedId", document["_id"]) : Unacknowledged;

    public static BsonDocument InsertedMany(IReadOnlyList<BsonDocument> documents, bool acknowledged)
    {
        if (!acknowledged)
        {
            return Unacknowledged;
        }

        var ids = new BsonDocument();
        for (var i = 0; i < documents.Count; i++)
        {
            ids.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), documents[i]["_id"]);
        }

        return new BsonDocument("insertedIds", ids);
    }

    private static BsonDocument Update(long matched, long? modified, BsonValue? upsertedId)
    {
        var document = new BsonDocument
        {
            { "matchedCount", matched },
            { "modifiedCount", modified.HasValue ? modified.Value : BsonNull.Value },
            { "upsertedCount", upsertedId is null ? 0 : 1 },
        };
        if (upsertedId is not null)
        {
            document.Add("upsertedId", upsertedId);
        }

        return document;
    }
}
