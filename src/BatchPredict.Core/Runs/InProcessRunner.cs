using Microsoft.Extensions.Options;

namespace BatchPredict.Core.Runs;

/// <summary>
/// Executes a whole run in this process, without Hangfire servers (jobs run --wait, the demo): the same starter,
/// partition code, ledger and finalizer as Hangfire jobs, with partitions run side by side.
/// </summary>
public sealed class InProcessRunner(RunStarter starter, PartitionExecutor executor, RunFinalizer finalizer, IOptions<RunsOptions> options)
{
    /// <summary>Runs to the end and returns the closed run; when the job is already running elsewhere, returns that run
    /// untouched with <see cref="RunStart.Started"/> false.</summary>
    public async Task<RunStart> RunAsync(RunRequest request, Action<RunRecord>? onStarted, Action<PartitionCheckpoint>? onCheckpoint, CancellationToken ct)
    {
        var start = await starter.StartAsync(request, ct);
        if (!start.Started)
        {
            return start;
        }

        onStarted?.Invoke(start.Run);
        return new RunStart(await ExecuteAsync(start.Run, onCheckpoint, ct), Started: true);
    }

    /// <summary>Executes the unfinished partitions of an existing run, then finalizes it.</summary>
    public async Task<RunRecord> ExecuteAsync(RunRecord run, Action<PartitionCheckpoint>? onCheckpoint, CancellationToken ct)
    {
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.InProcessParallelism, CancellationToken = ct };
            await Parallel.ForEachAsync(
                run.Partitions.Where(p => p.Status != PartitionStatus.Done).Select(p => p.Index),
                parallel,
                async (partition, token) => await executor.ExecuteAsync(run.Id, partition, onCheckpoint, token));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await finalizer.CancelAsync(run.Id, CancellationToken.None);
            throw;
        }
        catch (Exception e) when (e is not BatchPredictException)
        {
            await finalizer.FailAsync(run.Id, e.Message, CancellationToken.None);
            throw;
        }

        return await finalizer.FinalizeAsync(run.Id, CancellationToken.None);
    }
}
