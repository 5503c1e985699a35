using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Core.Runs;

/// <summary>The run records in <c>bp_runs</c>: created at run start, advanced by partition checkpoints, closed by the finalizer.</summary>
public sealed class RunLedger
{
    public const string CollectionName = "bp_runs";

    private readonly IMongoCollection<RunRecord> _runs;

    public RunLedger(IMongoDatabase database)
    {
        RunsBsonMapping.Register();
        _runs = database.GetCollection<RunRecord>(CollectionName);
    }

    public Task InsertAsync(RunRecord run, CancellationToken ct) => _runs.InsertOneAsync(run, cancellationToken: ct);

    public async Task<RunRecord?> FindAsync(string id, CancellationToken ct) =>
        await _runs.Find(r => r.Id == id).FirstOrDefaultAsync(ct);

    public async Task<RunRecord> GetAsync(string id, CancellationToken ct) =>
        await FindAsync(id, ct) ?? throw new BatchPredictException($"no run with id '{id}' in {CollectionName}");

    /// <summary>The latest runs first, optionally of one job.</summary>
    public async Task<IReadOnlyList<RunRecord>> ListAsync(string? job, int limit, CancellationToken ct)
    {
        var filter = job is null ? Builders<RunRecord>.Filter.Empty : Builders<RunRecord>.Filter.Eq(r => r.Job, job);
        return await _runs.Find(filter).SortByDescending(r => r.CreatedAt).Limit(limit).ToListAsync(ct);
    }

    public Task StartPartitionAsync(string runId, int partition, DateTime now, CancellationToken ct)
    {
        var p = $"partitions.{partition}";
        var update = new BsonDocument
        {
            { "$set", new BsonDocument { { $"{p}.status", nameof(PartitionStatus.Running) }, { "heartbeatAt", now } } },
            { "$inc", new BsonDocument($"{p}.executions", 1) },
            { "$min", new BsonDocument($"{p}.startedAt", now) },
        };
        return _runs.UpdateOneAsync(new BsonDocument("_id", runId), update, cancellationToken: ct);
    }

    /// <summary>Records a written batch: the new checkpoint and the batch's counts, for the partition and the run, in one
    /// atomic update, so counts always describe exactly the documents before the checkpoint. Returns false when the
    /// run is no longer running (failed or cancelled meanwhile): nothing is recorded then.</summary>
    public async Task<bool> CheckpointAsync(string runId, int partition, BsonValue lastId, RunCounts batch, DateTime now, CancellationToken ct)
    {
        var p = $"partitions.{partition}";
        var inc = new BsonDocument();
        foreach (var (name, value) in CountFields(batch))
        {
            inc.Add($"{p}.counts.{name}", value);
            inc.Add($"counts.{name}", value);
        }

        var update = new BsonDocument
        {
            { "$set", new BsonDocument { { $"{p}.checkpoint", lastId }, { "heartbeatAt", now } } },
            { "$inc", inc },
        };
        var filter = new BsonDocument { { "_id", runId }, { "status", nameof(RunStatus.Running) } };
        return (await _runs.UpdateOneAsync(filter, update, cancellationToken: ct)).MatchedCount == 1;
    }

    /// <summary>Marks a partition done once; returns the run when this call was the one that finished the last partition.</summary>
    public async Task<RunRecord?> CompletePartitionAsync(string runId, int partition, DateTime now, CancellationToken ct)
    {
        var p = $"partitions.{partition}";
        var filter = new BsonDocument { { "_id", runId }, { $"{p}.status", new BsonDocument("$ne", nameof(PartitionStatus.Done)) } };
        var update = new BsonDocument
        {
            { "$set", new BsonDocument { { $"{p}.status", nameof(PartitionStatus.Done) }, { $"{p}.finishedAt", now }, { "heartbeatAt", now } } },
            { "$inc", new BsonDocument("partitionsDone", 1) },
        };
        var after = await _runs.FindOneAndUpdateAsync<RunRecord>(
            filter,
            update,
            new FindOneAndUpdateOptions<RunRecord> { ReturnDocument = ReturnDocument.After },
            ct);
        return after is not null && after.PartitionsDone >= after.Partitions.Count ? after : null;
    }

    /// <summary>Closes a run that is still running; returns false when it was already closed (a finalizer executed twice).</summary>
    public async Task<bool> CloseAsync(string runId, RunStatus status, RunCounts counts, double rowsPerSecond, string? error, DateTime now, CancellationToken ct)
    {
        var update = Builders<RunRecord>.Update
            .Set(r => r.Status, status)
            .Set(r => r.FinishedAt, now)
            .Set(r => r.Counts, counts)
            .Set(r => r.RowsPerSecond, rowsPerSecond)
            .Set(r => r.Error, error);
        var result = await _runs.UpdateOneAsync(r => r.Id == runId && r.Status == RunStatus.Running, update, cancellationToken: ct);
        return result.ModifiedCount == 1;
    }

    private static IEnumerable<(string Name, long Value)> CountFields(RunCounts c) =>
    [
        ("read", c.Read), ("scored", c.Scored), ("written", c.Written), ("skipped", c.Skipped), ("deadLettered", c.DeadLettered),
    ];
}
