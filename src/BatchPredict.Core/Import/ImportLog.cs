using Microsoft.Extensions.Logging;

namespace BatchPredict.Core.Import;

internal static partial class Log
{
    [LoggerMessage(EventId = 501, Level = LogLevel.Information, Message = "Importing {File} ({Format}) into {Collection}")]
    public static partial void ImportStarted(ILogger logger, string file, ImportFormat format, string collection);

    [LoggerMessage(EventId = 502, Level = LogLevel.Information, Message = "Dropped collection {Collection} before importing")]
    public static partial void CollectionDropped(ILogger logger, string collection);

    [LoggerMessage(EventId = 503, Level = LogLevel.Debug, Message = "Bad row in {File}: {BadRow}")]
    public static partial void BadRowFound(ILogger logger, string file, BadRow badRow);

    [LoggerMessage(EventId = 504, Level = LogLevel.Warning,
        Message = "Transient MongoDB error inserting a batch, retry {Attempt} in {Delay}")]
    public static partial void InsertRetrying(ILogger logger, Exception? exception, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 505, Level = LogLevel.Information,
        Message = "Imported {Inserted} of {RowsRead} rows from {File} into {Collection} in {Elapsed} ({RowsPerSecond:F0} rows/s), {BadRows} bad rows")]
    public static partial void ImportFinished(ILogger logger, long inserted, long rowsRead, string file, string collection,
        TimeSpan elapsed, double rowsPerSecond, long badRows);

    [LoggerMessage(EventId = 506, Level = LogLevel.Information,
        Message = "Import of {File} into {Collection} cancelled after {RowsRead} rows; {Inserted} documents inserted stay")]
    public static partial void ImportCancelled(ILogger logger, string file, string collection, long rowsRead, long inserted);
}
