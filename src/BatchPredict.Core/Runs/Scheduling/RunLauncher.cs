using Hangfire;

namespace BatchPredict.Core.Runs.Scheduling;

/// <summary>Starts a run and hands its partitions to Hangfire (serve, the HTTP API, jobs run without --wait, schedules).</summary>
public sealed class RunLauncher(RunStarter starter, IBackgroundJobClient client)
{
    public async Task<RunStart> LaunchAsync(RunRequest request, CancellationToken ct)
    {
        var start = await starter.StartAsync(request, ct);
        if (start.Started)
        {
            foreach (var partition in start.Run.Partitions)
            {
                var runId = start.Run.Id;
                var index = partition.Index;
                client.Enqueue<RunJobs>(j => j.PartitionAsync(runId, index, null, CancellationToken.None));
            }
        }

        return start;
    }
}
