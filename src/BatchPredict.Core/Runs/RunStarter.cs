using System.Security.Cryptography;
using BatchPredict.Core.Jobs;
using BatchPredict.Core.Models;
using BatchPredict.Core.Scoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Core.Runs;

/// <summary>
/// Creates runs: takes the job's lock (or returns the run holding it), resolves the model reference ONCE, builds the
/// effective filter, plans the partitions and records it all in bp_runs. Executing the partitions is the caller's
/// choice: Hangfire jobs or in process.
/// </summary>
public sealed class RunStarter(
    IMongoDatabase database,
    JobCatalog catalog,
    RunLedger ledger,
    RunLock runLock,
    IModelRegistry registry,
    TimeProvider time,
    IOptions<RunsOptions> options,
    ILogger<RunStarter> logger)
{
    public async Task<RunStart> StartAsync(RunRequest request, CancellationToken ct)
    {
        var job = catalog.Get(request.Job);
        var now = time.GetUtcNow().UtcDateTime;
        var runId = $"{job.Name}-{now:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        if (await runLock.TryAcquireAsync(job.Name, runId, now, options.Value.AbandonedAfter, ct) is { } running)
        {
            logger.AlreadyRunning(job.Name, running.Id);
            return new RunStart(running, Started: false);
        }

        try
        {
            var reference = request.ModelVersion is { } v
                ? ModelReference.ForVersion(job.Model.Name, v)
                : job.Model.Version is { } jv ? ModelReference.ForVersion(job.Model.Name, jv) : ModelReference.ForAlias(job.Model.Name, job.Model.Alias!);
            var info = await registry.ResolveAsync(reference, ct);
            var lineage = new ModelLineage(info.Name, info.Version, info.Sha256);
            var filter = RunFilters.Effective(job, request.Filter ?? job.Source.Filter, lineage, job.Incremental.Enabled);
            var source = database.GetCollection<BsonDocument>(job.Source.Collection);
            var partitions = await PartitionPlanner.PlanAsync(source, filter, job.Partitions, ct);
            var mixedIdTypes = await PartitionPlanner.HasMixedIdTypesAsync(source, filter, ct);
            var run = new RunRecord
            {
                Id = runId,
                Job = job.Name,
                Status = RunStatus.Running,
                Trigger = request.Trigger,
                ModelReference = reference.ToString(),
                Model = lineage,
                Filter = filter.ToJson(),
                Incremental = job.Incremental.Enabled,
                MaxErrorRate = job.MaxErrorRate,
                JobJson = job.Json,
                CreatedAt = now,
                HeartbeatAt = now,
                Planned = partitions.Sum(p => p.Planned),
                Partitions = partitions,
                MixedIdTypes = mixedIdTypes,
            };
            await ledger.InsertAsync(run, ct);
            logger.RunStarted(run.Id, job.Name, info.Name, info.Version, run.Planned, partitions.Count, request.Trigger);
            return new RunStart(run, Started: true);
        }
        catch
        {
            await runLock.ReleaseAsync(job.Name, runId, CancellationToken.None);
            throw;
        }
    }
}
