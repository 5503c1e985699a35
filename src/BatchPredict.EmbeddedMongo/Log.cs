using Microsoft.Extensions.Logging;

namespace BatchPredict.EmbeddedMongo;

/// <summary>Log messages of the embedded server.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Embedded MongoDB server listening on {ConnectionString} ({Storage})")]
    public static partial void Started(ILogger logger, string connectionString, string storage);

    [LoggerMessage(2, LogLevel.Information, "Embedded MongoDB server stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "Connection {ConnectionId}: unreadable message ({Reason}); closing it")]
    public static partial void BadMessage(ILogger logger, int connectionId, string reason);

    [LoggerMessage(4, LogLevel.Debug, "Connection {ConnectionId} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, int connectionId, string reason);

    [LoggerMessage(5, LogLevel.Error, "Command {Command} failed unexpectedly")]
    public static partial void CommandFailed(ILogger logger, Exception exception, string command);

    [LoggerMessage(6, LogLevel.Information, "TTL monitor removed {Count} expired documents from {Namespace}")]
    public static partial void TtlRemoved(ILogger logger, int count, string @namespace);

    [LoggerMessage(7, LogLevel.Error, "Background maintenance failed")]
    public static partial void MaintenanceFailed(ILogger logger, Exception exception);
}
