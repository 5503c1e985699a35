using Microsoft.Extensions.Logging;

namespace BatchPredict.Core.Models;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Loaded model {ModelName} version {ModelVersion} ({ModelSha256}), {UncompressedBytes} bytes, in {ElapsedMs} ms")]
    public static partial void ModelLoaded(ILogger logger, string modelName, int modelVersion, string modelSha256, long uncompressedBytes, long elapsedMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Could not load model {ModelName} version {ModelVersion}: {Reason}")]
    public static partial void ModelLoadFailed(ILogger logger, string modelName, int modelVersion, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Evicted model {ModelName} version {ModelVersion} from the cache ({CachedBytes} of {CacheMaxBytes} bytes in use)")]
    public static partial void ModelEvicted(ILogger logger, string modelName, int modelVersion, long cachedBytes, long cacheMaxBytes);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Pushed model {ModelName} version {ModelVersion} ({ModelSha256}, {Size} bytes)")]
    public static partial void ModelPushed(ILogger logger, string modelName, int modelVersion, string modelSha256, long size);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Alias {ModelName}@{Alias} now points at version {ModelVersion} (was {PreviousVersion})")]
    public static partial void AliasMoved(ILogger logger, string modelName, string alias, int modelVersion, int? previousVersion);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Deleted model {ModelName} version {ModelVersion}")]
    public static partial void ModelDeleted(ILogger logger, string modelName, int modelVersion);
}
