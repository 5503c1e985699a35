using BatchPredict.Core.Jobs;
using BatchPredict.Core.Models;
using BatchPredict.Core.Scoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Core.Runs;

/// <summary>
/// Executes one partition of a run, from its checkpoint to its end; the same code for Hangfire jobs and in-process runs.
/// Executing a partition again (Hangfire retry, crash) resumes after the last written batch; executing a finished one
/// does nothing.
/// </summary>
public sealed class PartitionExecutor(
    IMongoDatabase database,
    RunLedger ledger,
    DeadLetterStore deadLetters,
    RunFinalizer finalizer,
    IModelRegistry registry,
    IModelCache cache,
    MongoRetry retry,
    TimeProvider time,
    IOptions<RunsOptions> options,
    ILogger<PartitionExecutor> logger)
{
    /// <summary>Returns true when this call finished the run's last partition: the caller then runs the finalizer.</summary>
    public async Task<bool> ExecuteAsync(string runId, int partition, Action<PartitionCheckpoint>? onCheckpoint, CancellationToken ct)
    {
        var run = await ledger.GetAsync(runId, ct);
        if (run.IsFinished || partition >= run.Partitions.Count || run.Partitions[partition].Status == PartitionStatus.Done)
        {
            return false;
        }

        try
        {
            return await ExecuteAsync(run, run.Partitions[partition], onCheckpoint, ct);
        }
        catch (BatchPredictException e)
        {
            // A configuration or model problem: retrying cannot help, so the run fails now with the reason.
            await finalizer.FailAsync(runId, e.Message, CancellationToken.None);
            throw;
        }
    }

    private async Task<bool> ExecuteAsync(RunRecord run, PartitionProgress partition, Action<PartitionCheckpoint>? onCheckpoint, CancellationToken ct)
    {
        var job = JobFileParser.Parse($"job {run.Job} as recorded by run {run.Id}", run.JobJson);
        var info = await registry.GetAsync(run.Model.Name, run.Model.Version, ct);
        if (!string.Equals(info.Sha256, run.Model.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new BatchPredictException($"model {info} changed since run {run.Id} started: sha256 {info.Sha256} in the registry, {run.Model.Sha256} in the run");
        }

        var model = await cache.GetAsync(info, ct);
        var scorer = new BatchScorer(model.Transformer, job.Features, info.ToString());
        var mapper = new FeatureMapper(job.Features);
        var writer = new PredictionWriter(database, job, run.Model, run.Id, retry.ForRun(run.Id));
        await ledger.StartPartitionAsync(run.Id, partition.Index, time.GetUtcNow().UtcDateTime, ct);
        logger.PartitionStarted(run.Id, partition.Index, partition.Checkpoint.IsBsonNull ? "its start" : partition.Checkpoint.ToString()!);

        long read = 0;
        async Task PersistAsync(WorkItem item, CancellationToken token)
        {
            token.ThrowIfCancellationRequested(); // stopping: write nothing more
            var now = time.GetUtcNow().UtcDateTime;
            var written = await writer.WriteAsync(item.Features.Ids, item.Predictions, now, token);
            // Once the predictions are written, the dead letters and the checkpoint follow even if a stop was requested
            // meanwhile, so a resumed partition does not redo a batch that is already done.
            await deadLetters.WriteAsync(run.Id, item.DeadLetters, now, CancellationToken.None);
            var counts = new RunCounts
            {
                Read = item.Read,
                Scored = item.Predictions.Count,
                Written = written,
                Skipped = item.Skipped,
                DeadLettered = item.DeadLetters.Count,
            };
            if (!await ledger.CheckpointAsync(run.Id, partition.Index, item.LastId, counts, now, CancellationToken.None))
            {
                throw new BatchPredictException($"run {run.Id} was closed while partition {partition.Index} was running (another partition failed, or it was cancelled); the partition stops");
            }

            read += item.Read;
            onCheckpoint?.Invoke(new PartitionCheckpoint(run.Id, partition.Index, item.LastId, counts));
        }

        var source = database.GetCollection<BsonDocument>(job.Source.Collection);
        var pipeline = new PartitionPipeline(source, job, mapper, scorer, PersistAsync, options.Value.ChannelCapacity);
        var filter = RunFilters.Partition(BsonDocument.Parse(run.Filter), partition, run.MixedIdTypes);
        await pipeline.RunAsync(filter, ct);

        logger.PartitionDone(run.Id, partition.Index, read);
        return await ledger.CompletePartitionAsync(run.Id, partition.Index, time.GetUtcNow().UtcDateTime, ct) is not null;
    }
}
