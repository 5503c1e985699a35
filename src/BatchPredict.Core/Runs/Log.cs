using Microsoft.Extensions.Logging;

namespace BatchPredict.Core.Runs;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Run {RunId} of job {Job} started with model {ModelName}:{ModelVersion} over {Planned} documents in {Partitions} partitions ({Trigger})")]
    public static partial void RunStarted(this ILogger logger, string runId, string job, string modelName, int modelVersion, long planned, int partitions, string trigger);

    [LoggerMessage(2, LogLevel.Information, "Job {Job} is already running as {RunId}; no second run started")]
    public static partial void AlreadyRunning(this ILogger logger, string job, string runId);

    [LoggerMessage(3, LogLevel.Information, "Run {RunId} partition {Partition} starts after {Checkpoint}")]
    public static partial void PartitionStarted(this ILogger logger, string runId, int partition, string checkpoint);

    [LoggerMessage(4, LogLevel.Information, "Run {RunId} partition {Partition} done: {Read} read in this execution")]
    public static partial void PartitionDone(this ILogger logger, string runId, int partition, long read);

    [LoggerMessage(5, LogLevel.Information, "Run {RunId} {Status}: {Read} read, {Scored} scored, {Written} written, {Skipped} skipped, {DeadLettered} dead-lettered, {RowsPerSecond:F0} rows/s")]
    public static partial void RunClosed(this ILogger logger, string runId, RunStatus status, long read, long scored, long written, long skipped, long deadLettered, double rowsPerSecond);

    [LoggerMessage(6, LogLevel.Error, "Run {RunId} failed: {Error}")]
    public static partial void RunFailed(this ILogger logger, string runId, string error);

    [LoggerMessage(7, LogLevel.Warning, "Bulk write of run {RunId} failed transiently (attempt {Attempt}); retrying in {Delay}")]
    public static partial void WriteRetry(this ILogger logger, Exception? exception, string runId, int attempt, TimeSpan delay);

    [LoggerMessage(8, LogLevel.Information, "Recurring job {RecurringId} {Change} (cron {Cron}, time zone {TimeZone})")]
    public static partial void RecurringSynced(this ILogger logger, string recurringId, string change, string cron, string timeZone);

    [LoggerMessage(9, LogLevel.Information, "Recurring job {RecurringId} removed: its job file is gone or has no schedule")]
    public static partial void RecurringRemoved(this ILogger logger, string recurringId);
}
