using System.ComponentModel;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;

namespace BatchPredict.Core.Runs.Scheduling;

/// <summary>
/// The Hangfire job methods of runs: a scheduled trigger, one job per partition, and the finalizer that the partition
/// finishing last enqueues. Partitions are retried by Hangfire; a retry resumes from the partition's checkpoint.
/// </summary>
public sealed class RunJobs(RunLauncher launcher, PartitionExecutor executor, RunFinalizer finalizer, IBackgroundJobClient client, ILogger<RunJobs> logger)
{
    [DisplayName("scheduled run of {0}")]
    [AutomaticRetry(Attempts = 0)]
    public Task ScheduledAsync(string job) => launcher.LaunchAsync(new RunRequest(job, "schedule"), CancellationToken.None);

    /// <summary>Retries of a partition job; each resumes from the partition's checkpoint.</summary>
    public const int PartitionRetries = 3;

    /// <param name="context">Supplied by Hangfire (pass null when enqueueing): tells which attempt this is.</param>
    [DisplayName("run {0}: partition {1}")]
    [AutomaticRetry(Attempts = PartitionRetries, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task PartitionAsync(string runId, int partition, PerformContext? context, CancellationToken ct)
    {
        try
        {
            if (await executor.ExecuteAsync(runId, partition, null, ct))
            {
                client.Enqueue<RunJobs>(j => j.FinalizeAsync(runId));
            }
        }
        catch (BatchPredictException e)
        {
            // The executor has already closed the run as failed with this reason; a retry could only repeat it.
            logger.RunFailed(runId, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException && context?.GetJobParameter<int>("RetryCount") >= PartitionRetries)
        {
            // Last attempt: close the run now rather than leave it running until it is taken for abandoned.
            await finalizer.FailAsync(runId, $"partition {partition} failed {PartitionRetries + 1} times: {e.Message}", CancellationToken.None);
            throw;
        }
    }

    [DisplayName("run {0}: finalize")]
    public Task FinalizeAsync(string runId) => finalizer.FinalizeAsync(runId, CancellationToken.None);
}
