using System.ComponentModel.DataAnnotations;
using Hangfire.Mongo;

namespace BatchPredict.Core.Runs.Scheduling;

/// <summary>Section <c>BatchPredict:Hangfire</c>.</summary>
public sealed class HangfireOptions
{
    public const string Section = "BatchPredict:Hangfire";

    /// <summary>How servers learn of new jobs. Default Poll, which works on any server including the embedded one;
    /// Watch (change streams) needs a replica set, e.g. the docker-compose MongoDB.</summary>
    public CheckQueuedJobsStrategy QueueStrategy { get; set; } = CheckQueuedJobsStrategy.Poll;

    /// <summary>Poll interval of the Poll strategy. Default 2 s: a triggered run starts within about that time.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Collection prefix of Hangfire's state. Default "hangfire".</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9_]{0,40}$")]
    public string Prefix { get; set; } = "hangfire";

    /// <summary>Hangfire workers of this server. Default 4: partitions are I/O and CPU bound; 2 cores stay busy.</summary>
    [Range(1, 256)]
    public int WorkerCount { get; set; } = 4;

    /// <summary>Whether this server also runs Hangfire's schedulers (recurring and delayed jobs). Default true; false
    /// makes a worker-only server, for extra servers beside one that schedules.</summary>
    public bool RunSchedulers { get; set; } = true;

    /// <summary>Credentials a remote dashboard request must give (basic auth). Empty: only local requests are served.</summary>
    public string? DashboardUser { get; set; }

    public string? DashboardPassword { get; set; }
}
