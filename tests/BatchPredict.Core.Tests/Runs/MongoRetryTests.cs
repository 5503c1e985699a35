using System.Net;
using BatchPredict.Core.Runs;
using BatchPredict.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MongoDB.Driver;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Connections;
using MongoDB.Driver.Core.Servers;

namespace BatchPredict.Core.Tests.Runs;

public sealed class MongoRetryTests
{
    private static readonly ConnectionId Connection = new(new ServerId(new ClusterId(), new DnsEndPoint("127.0.0.1", 27017)));

    private static MongoRetry Retry(int attempts) => new(
        Options.Create(new RunsOptions { WriteAttempts = attempts, WriteRetryDelay = TimeSpan.FromMilliseconds(1) }),
        TimeProvider.System,
        NullLogger<MongoRetry>.Instance);

    [Fact]
    public async Task ForRun_TransientErrorsThenSuccess_RetriesUntilItSucceeds()
    {
        var calls = 0;

        var result = await Retry(5).ForRun("r").ExecuteAsync(_ =>
        {
            calls++;
            return calls < 3 ? throw new MongoConnectionException(Connection, "connection reset") : ValueTask.FromResult(42);
        });

        Assert.Equal(42, result);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task ForRun_TransientErrorEveryTime_GivesUpAfterTheConfiguredAttempts()
    {
        var calls = 0;

        await Assert.ThrowsAsync<TimeoutException>(async () => await Retry(3).ForRun("r").ExecuteAsync<int>(_ =>
        {
            calls++;
            throw new TimeoutException("server selection");
        }));

        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task ForRun_NonTransientError_IsNotRetried()
    {
        var calls = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Retry(5).ForRun("r").ExecuteAsync<int>(_ =>
        {
            calls++;
            throw new InvalidOperationException("bad update");
        }));

        Assert.Equal(1, calls);
    }

    [Fact]
    public void IsTransient_ClassifiesMongoErrors()
    {
        Assert.True(MongoTransientErrors.IsTransient(new MongoConnectionException(Connection, "reset")));
        Assert.True(MongoTransientErrors.IsTransient(new MongoNotPrimaryException(Connection, [], new MongoDB.Bson.BsonDocument())));
        Assert.False(MongoTransientErrors.IsTransient(new MongoCommandException(Connection, "bad", new MongoDB.Bson.BsonDocument("update", "x"), new MongoDB.Bson.BsonDocument { { "ok", 0 }, { "code", 2 } })));
        Assert.True(MongoTransientErrors.IsTransient(new MongoCommandException(Connection, "stepdown", new MongoDB.Bson.BsonDocument("update", "x"), new MongoDB.Bson.BsonDocument { { "ok", 0 }, { "code", 189 } })));
    }
}
