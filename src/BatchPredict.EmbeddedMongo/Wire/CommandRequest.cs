using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Wire;

/// <summary>
/// One command as it arrived: the body document and, apart from it, the document sequences of OP_MSG section kind 1
/// as raw BSON (insert keeps those bytes as the stored documents, without re-encoding them).
/// </summary>
internal sealed class CommandRequest(BsonDocument body, Dictionary<string, List<byte[]>>? sequences, string? legacyDatabase)
{
    public BsonDocument Body { get; } = body;

    public string Name => Body.ElementCount > 0 ? Body.GetElement(0).Name : "";

    public string Database => Body.TryGetValue("$db", out var db) && db.IsString ? db.AsString : legacyDatabase ?? "admin";

    /// <summary>The raw documents of a field: the document sequence of that name, else the body's array.</summary>
    public IReadOnlyList<byte[]> RawDocuments(string field)
    {
        if (sequences is not null && sequences.TryGetValue(field, out var sequence))
        {
            return sequence;
        }

        if (Body.TryGetValue(field, out var value) && value is BsonArray array)
        {
            return array.Select(v => v is BsonDocument d ? d.ToBson() : throw MongoCommandError.TypeMismatch($"'{field}' must be an array of documents")).ToList();
        }

        return [];
    }

    /// <summary>The documents of a field, decoded (updates, deletes: small specification documents).</summary>
    public IReadOnlyList<BsonDocument> Documents(string field)
    {
        if (sequences is not null && sequences.TryGetValue(field, out var sequence))
        {
            return sequence.Select(Storage.CollectionStore.Decode).ToList();
        }

        if (Body.TryGetValue(field, out var value) && value is BsonArray array)
        {
            return array.Select(v => v as BsonDocument ?? throw MongoCommandError.TypeMismatch($"'{field}' must be an array of documents")).ToList();
        }

        return [];
    }
}
