using System.ComponentModel;
using Hangfire;
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

    [DisplayName("run {0}: partition {1}")]
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task PartitionAsync(string runId, int partition, CancellationToken ct)
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
    }

    [DisplayName("run {0}: finalize")]
    public Task FinalizeAsync(string runId) => finalizer.FinalizeAsync(runId, CancellationToken.None);
}
