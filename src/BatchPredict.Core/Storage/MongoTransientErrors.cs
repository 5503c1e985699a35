using MongoDB.Driver;

namespace BatchPredict.Core.Storage;

/// <summary>Which Mongo failures are worth retrying: lost connections, elections, shutdowns, timeouts. Never a
/// duplicate key, a validation error or a bad query: retrying those only repeats the failure.</summary>
public static class MongoTransientErrors
{
    private static readonly HashSet<int> TransientCodes =
    [
        6, // HostUnreachable
        7, // HostNotFound
        89, // NetworkTimeout
        91, // ShutdownInProgress
        189, // PrimarySteppedDown
        262, // ExceededTimeLimit
        9001, // SocketException
        10107, // NotWritablePrimary
        11600, // InterruptedAtShutdown
        11602, // InterruptedDueToReplStateChange
        13435, // NotPrimaryNoSecondaryOk
        13436, // NotPrimaryOrSecondary
    ];

    public static bool IsTransient(Exception exception) => exception switch
    {
        MongoConnectionException or MongoNotPrimaryException or MongoNodeIsRecoveringException => true,
        MongoExecutionTimeoutException or TimeoutException => true,
        MongoBulkWriteException bulk => bulk.WriteConcernError is not null
            || (bulk.WriteErrors.Count > 0 && bulk.WriteErrors.All(e => TransientCodes.Contains(e.Code))),
        MongoWriteConcernException => true,
        MongoCommandException command => TransientCodes.Contains(command.Code) || command.HasErrorLabel("RetryableWriteError"),
        MongoException mongo => mongo.HasErrorLabel("TransientTransactionError") || mongo.HasErrorLabel("RetryableWriteError"),
        _ => false,
    };
}
