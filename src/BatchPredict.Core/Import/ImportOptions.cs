using System.ComponentModel.DataAnnotations;

namespace BatchPredict.Core.Import;

/// <summary>How <c>batchpredict import</c> writes. Section <c>BatchPredict:Import</c>.</summary>
public sealed class ImportOptions
{
    public const string Section = "BatchPredict:Import";

    /// <summary>Rows per InsertMany (default 2000); <c>--batch-size</c> overrides it for one import.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 2000;

    /// <summary>Retries of a batch after a transient MongoDB error (default 5); 0 turns retrying off.</summary>
    [Range(0, 50)]
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>First retry delay (default 200 ms), doubled on each further attempt, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
