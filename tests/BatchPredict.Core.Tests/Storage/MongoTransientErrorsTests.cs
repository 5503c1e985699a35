using System.Net;
using BatchPredict.Core.Storage;
using MongoDB.Driver;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Connections;
using MongoDB.Driver.Core.Servers;

namespace BatchPredict.Core.Tests.Storage;

public class MongoTransientErrorsTests
{
    private static readonly ConnectionId Connection = new(new ServerId(new ClusterId(), new DnsEndPoint("127.0.0.1", 27017)));

    [Fact]
    public void IsTransient_ConnectionDropped_True()
    {
        Assert.True(MongoTransientErrors.IsTransient(new MongoConnectionException(Connection, "connection reset")));
    }

    [Fact]
    public void IsTransient_ServerSelectionTimeout_True()
    {
        Assert.True(MongoTransientErrors.IsTransient(new TimeoutException("no server selected")));
    }

    [Fact]
    public void IsTransient_RetryableLabel_True()
    {
        var error = new MongoException("interrupted");
        error.AddErrorLabel("RetryableWriteError");

        Assert.True(MongoTransientErrors.IsTransient(error));
    }

    [Fact]
    public void IsTransient_PlainServerErrorOrOtherException_False()
    {
        Assert.False(MongoTransientErrors.IsTransient(new MongoException("document too large")));
        Assert.False(MongoTransientErrors.IsTransient(new InvalidOperationException("bug")));
    }
}
