using Microsoft.Extensions.Logging;

namespace BatchPredict.Core.Runs;

/// <summary>Closes runs: status from the dead-letter rate, rows/s over the run's wall time, and the job's lock released.
/// Closing twice is harmless (at-least-once execution).</summary>
public sealed class RunFinalizer(RunLedger ledger, RunLock runLock, TimeProvider time, ILogger<RunFinalizer> logger)
{
    public async Task<RunRecord> FinalizeAsync(string runId, CancellationToken ct)
    {
        var run = await ledger.GetAsync(runId, ct);
        if (!run.IsFinished)
        {
            var c = run.Counts;
            var rate = c.Read == 0 ? 0 : (double)c.DeadLettered / c.Read;
            var error = rate > run.MaxErrorRate
                ? $"dead-letter rate {rate:P2} ({c.DeadLettered} of {c.Read}) exceeds the job's maxErrorRate {run.MaxErrorRate:P2}; see {DeadLetterStore.CollectionName}"
                : null;
            await CloseAsync(run, error is null ? RunStatus.Succeeded : RunStatus.Failed, error, ct);
        }

        await runLock.ReleaseAsync(run.Job, run.Id, ct);
        return await ledger.GetAsync(runId, ct);
    }

    public Task FailAsync(string runId, string error, CancellationToken ct) => CloseAsync(runId, RunStatus.Failed, error, ct);

    public Task CancelAsync(string runId, CancellationToken ct) => CloseAsync(runId, RunStatus.Cancelled, "cancelled", ct);

    private async Task CloseAsync(string runId, RunStatus status, string error, CancellationToken ct)
    {
        var run = await ledger.GetAsync(runId, ct);
        if (!run.IsFinished)
        {
            await CloseAsync(run, status, error, ct);
        }

        await runLock.ReleaseAsync(run.Job, run.Id, ct);
    }

    private async Task CloseAsync(RunRecord run, RunStatus status, string? error, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var seconds = (now - run.CreatedAt).TotalSeconds;
        var rowsPerSecond = seconds > 0 ? run.Counts.Read / seconds : 0;
        if (await ledger.CloseAsync(run.Id, status, run.Counts, rowsPerSecond, error, now, ct))
        {
            var c = run.Counts;
            logger.RunClosed(run.Id, status, c.Read, c.Scored, c.Written, c.Skipped, c.DeadLettered, rowsPerSecond);
            if (error is not null && status == RunStatus.Failed)
            {
                logger.RunFailed(run.Id, error);
            }
        }
    }
}
