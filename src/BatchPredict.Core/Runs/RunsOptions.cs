using System.ComponentModel.DataAnnotations;

namespace BatchPredict.Core.Runs;

/// <summary>Section <c>BatchPredict:Runs</c>.</summary>
public sealed class RunsOptions
{
    public const string Section = "BatchPredict:Runs";

    /// <summary>Batches waiting between two stages of a partition (read→score, score→write). Default 2: enough to keep
    /// every stage busy, small enough that memory is a handful of batches whatever the collection size.</summary>
    [Range(1, 64)]
    public int ChannelCapacity { get; set; } = 2;

    /// <summary>Partitions executed at once by an in-process run (jobs run --wait, demo). Default 2.</summary>
    [Range(1, 64)]
    public int InProcessParallelism { get; set; } = 2;

    /// <summary>Attempts of one bulk write on transient Mongo errors. Default 5.</summary>
    [Range(2, 20)]
    public int WriteAttempts { get; set; } = 5;

    /// <summary>First retry delay (exponential backoff with jitter). Default 200 ms.</summary>
    public TimeSpan WriteRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A running run with no checkpoint for this long is taken as abandoned (its process died), so the job
    /// may run again. Default 1 hour.</summary>
    public TimeSpan AbandonedAfter { get; set; } = TimeSpan.FromHours(1);
}
