using BatchPredict.Core.Jobs;
using MongoDB.Bson;
using MongoDB.Driver;
using Polly;

namespace BatchPredict.Core.Scoring;

/// <summary>
/// Writes one batch of predictions with an unordered BulkWrite of UpdateOne $set, keyed by the source _id. Setting the
/// same prediction again is harmless, so a batch retried after a transient error, or re-executed after a crash before
/// its checkpoint, never duplicates anything.
/// </summary>
public sealed class PredictionWriter(IMongoDatabase database, JobDefinition job, ModelLineage model, string runId, ResiliencePipeline retry)
{
    private static readonly BulkWriteOptions Unordered = new() { IsOrdered = false, BypassDocumentValidation = false };

    private readonly IMongoCollection<BsonDocument> _target =
        database.GetCollection<BsonDocument>(job.Output.Collection ?? job.Source.Collection);

    private readonly BsonDocument _lineage = new()
    {
        { "name", model.Name },
        { "version", model.Version },
        { "sha256", model.Sha256 },
    };

    /// <summary>Writes rows 0..Count of the batch; returns how many documents were matched or upserted.</summary>
    public async Task<long> WriteAsync(IReadOnlyList<BsonValue> ids, Predictions predictions, DateTime scoredAt, CancellationToken ct)
    {
        if (predictions.Count == 0)
        {
            return 0;
        }

        var writes = new List<WriteModel<BsonDocument>>(predictions.Count);
        var upsert = job.Output.Collection is not null;
        for (var i = 0; i < predictions.Count; i++)
        {
            var update = new BsonDocument("$set", new BsonDocument(job.Output.Field, Prediction(predictions, i, scoredAt)));
            writes.Add(new UpdateOneModel<BsonDocument>(new BsonDocument("_id", ids[i]), update) { IsUpsert = upsert });
        }

        var result = await retry.ExecuteAsync(
            static async (state, token) => await state.Target.BulkWriteAsync(state.Writes, Unordered, token),
            (Target: _target, Writes: writes),
            ct);
        return result.MatchedCount + result.Upserts.Count;
    }

    private BsonDocument Prediction(Predictions p, int row, DateTime scoredAt)
    {
        var doc = new BsonDocument();
        if (p.Labels is not null)
        {
            doc.Add("label", p.Labels[row]);
        }

        if (p.Probabilities is not null)
        {
            doc.Add("probability", (double)p.Probabilities[row]);
        }

        doc.Add("score", (double)p.Scores[row]);
        doc.Add("model", _lineage);
        doc.Add("runId", runId);
        doc.Add("scoredAt", scoredAt);
        return doc;
    }
}
