using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Core.Runs;

/// <summary>A document of a run that could not be mapped, with the field and the reason.</summary>
public sealed record DeadLetter(BsonValue DocumentId, string Field, string Reason);

/// <summary>
/// <c>bp_deadletters</c> {runId, documentId, field, reason, at}. The _id is derived from run and document, so a batch
/// re-executed after a crash replaces its dead letters instead of adding them twice.
/// </summary>
public sealed class DeadLetterStore(IMongoDatabase database)
{
    public const string CollectionName = "bp_deadletters";

    private static readonly BulkWriteOptions Unordered = new() { IsOrdered = false };

    private readonly IMongoCollection<BsonDocument> _collection = database.GetCollection<BsonDocument>(CollectionName);

    public async Task WriteAsync(string runId, IReadOnlyList<DeadLetter> letters, DateTime at, CancellationToken ct)
    {
        if (letters.Count == 0)
        {
            return;
        }

        var writes = letters.Select(l =>
        {
            var id = $"{runId}/{l.DocumentId}";
            var doc = new BsonDocument
            {
                { "_id", id }, { "runId", runId }, { "documentId", l.DocumentId }, { "field", l.Field }, { "reason", l.Reason }, { "at", at },
            };
            return (WriteModel<BsonDocument>)new ReplaceOneModel<BsonDocument>(new BsonDocument("_id", id), doc) { IsUpsert = true };
        }).ToList();
        await _collection.BulkWriteAsync(writes, Unordered, ct);
    }

    public async Task<IReadOnlyList<BsonDocument>> ListAsync(string runId, int limit, CancellationToken ct) =>
        await _collection.Find(new BsonDocument("runId", runId)).Limit(limit).ToListAsync(ct);
}
