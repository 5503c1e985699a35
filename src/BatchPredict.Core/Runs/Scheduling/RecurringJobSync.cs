using BatchPredict.Core.Jobs;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BatchPredict.Core.Runs.Scheduling;

/// <summary>
/// Makes Hangfire's recurring jobs match jobs/ at start: one recurring job "job:&lt;name&gt;" per job with a schedule,
/// added or updated, and those whose job file is gone (or lost its schedule) removed.
/// Misfires: <see cref="MisfireHandlingMode.Relaxed"/>. After downtime that spanned one or more occurrences, the job
/// fires once when the scheduler next runs, not once per missed occurrence, and the next occurrence is computed from
/// then; together with the run lock this means a late catch-up run, never a storm of runs. "Now" for the scheduler is
/// the database server's clock (Hangfire.Mongo reports it), so several servers agree on when a job is due.
/// </summary>
public sealed class RecurringJobSync(JobCatalog catalog, JobStorage storage, IRecurringJobManager manager, ILogger<RecurringJobSync> logger) : IHostedService
{
    public const string IdPrefix = "job:";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Sync();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Sync()
    {
        using var connection = storage.GetConnection();
        var existing = connection.GetRecurringJobs().Where(r => r.Id.StartsWith(IdPrefix, StringComparison.Ordinal)).ToDictionary(r => r.Id);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var job in catalog.Jobs.Where(j => j.Schedule is not null).OrderBy(j => j.Name, StringComparer.Ordinal))
        {
            var id = IdPrefix + job.Name;
            var schedule = job.Schedule!;
            wanted.Add(id);
            var name = job.Name;
            manager.AddOrUpdate(
                id,
                Job.FromExpression<RunJobs>(j => j.ScheduledAsync(name)),
                schedule.Cron,
                new RecurringJobOptions { TimeZone = schedule.TimeZone, MisfireHandling = MisfireHandlingMode.Relaxed });
            var change = !existing.TryGetValue(id, out var before) ? "added"
                : before.Cron != schedule.Cron || before.TimeZoneId != schedule.TimeZone.Id ? "changed" : "unchanged";
            logger.RecurringSynced(id, change, schedule.Cron, schedule.TimeZone.Id);
        }

        foreach (var id in existing.Keys.Where(id => !wanted.Contains(id)))
        {
            manager.RemoveIfExists(id);
            logger.RecurringRemoved(id);
        }
    }
}
