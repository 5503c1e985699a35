using MongoDB.Driver;

namespace BatchPredict.Core.Import;

/// <summary>
/// The MongoDB errors worth retrying: the connection dropped, the primary stepped down or is recovering, no server
/// could be selected in time, or the server itself labelled the error retryable. Anything else (a bad document,
/// a write error, an authorisation failure) fails the same way again and is not retried.
/// </summary>
public static class TransientMongoErrors
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        MongoConnectionException or MongoNotPrimaryException or MongoNodeIsRecoveringException => true,
        TimeoutException => true,
        MongoException mongo => mongo.HasErrorLabel("RetryableWriteError") || mongo.HasErrorLabel("TransientTransactionError"),
        _ => false,
    };
}
