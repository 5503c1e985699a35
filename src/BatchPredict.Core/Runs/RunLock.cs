using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Core.Runs;

/// <summary>
/// One lock document per job in <c>bp_run_locks</c> (_id = job name): the unique _id makes "the same job never runs
/// twice at once" hold across processes and Hangfire servers. A lock whose run is closed, missing, or silent for
/// <see cref="RunsOptions.AbandonedAfter"/> is taken over.
/// </summary>
public sealed class RunLock(IMongoDatabase database, RunLedger ledger)
{
    public const string CollectionName = "bp_run_locks";

    private readonly IMongoCollection<BsonDocument> _locks = database.GetCollection<BsonDocument>(CollectionName);

    /// <summary>Takes the job's lock for <paramref name="runId"/>; returns null when taken, else the run holding it.</summary>
    public async Task<RunRecord?> TryAcquireAsync(string job, string runId, DateTime now, TimeSpan abandonedAfter, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await _locks.InsertOneAsync(new BsonDocument { { "_id", job }, { "runId", runId }, { "at", now } }, cancellationToken: ct);
                return null;
            }
            catch (MongoWriteException e) when (e.WriteError?.Category == ServerErrorCategory.DuplicateKey)
            {
                var held = await _locks.Find(new BsonDocument("_id", job)).FirstOrDefaultAsync(ct);
                if (held is null)
                {
                    continue; // released meanwhile: try again
                }

                var holder = held["runId"].AsString;
                var run = await ledger.FindAsync(holder, ct);
                if (run is { IsFinished: false } && now - run.HeartbeatAt < abandonedAfter)
                {
                    return run;
                }

                // Stale: the holder finished without releasing, vanished, or went silent. Take over only if it is still that holder.
                var replaced = await _locks.ReplaceOneAsync(
                    new BsonDocument { { "_id", job }, { "runId", holder } },
                    new BsonDocument { { "_id", job }, { "runId", runId }, { "at", now } },
                    cancellationToken: ct);
                if (replaced.ModifiedCount == 1)
                {
                    if (run is { IsFinished: false })
                    {
                        var error = $"abandoned: no progress since {run.HeartbeatAt:u}; job '{job}' was started again as {runId}";
                        await ledger.CloseAsync(run.Id, RunStatus.Failed, run.Counts, 0, error, now, ct);
                    }

                    return null;
                }
            }
        }

        throw new BatchPredictException($"could not take the run lock of job '{job}': it changed hands during three attempts; try again");
    }

    public Task ReleaseAsync(string job, string runId, CancellationToken ct) =>
        _locks.DeleteOneAsync(new BsonDocument { { "_id", job }, { "runId", runId } }, ct);
}
