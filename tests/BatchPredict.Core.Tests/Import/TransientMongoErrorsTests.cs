using System.Net;
using BatchPredict.Core.Import;
using MongoDB.Driver;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Connections;
using MongoDB.Driver.Core.Servers;

namespace BatchPredict.Core.Tests.Import;

public class TransientMongoErrorsTests
{
    private static readonly ConnectionId Connection = new(new ServerId(new ClusterId(), new DnsEndPoint("127.0.0.1", 27017)));

    [Fact]
    public void IsTransient_ConnectionDropped_True()
    {
        Assert.True(TransientMongoErrors.IsTransient(new MongoConnectionException(Connection, "connection reset")));
    }

    [Fact]
    public void IsTransient_ServerSelectionTimeout_True()
    {
        Assert.True(TransientMongoErrors.IsTransient(new TimeoutException("no server selected")));
    }

    [Fact]
    public void IsTransient_RetryableLabel_True()
    {
        var error = new MongoException("interrupted");
        error.AddErrorLabel("RetryableWriteError");

        Assert.True(TransientMongoErrors.IsTransient(error));
    }

    [Fact]
    public void IsTransient_PlainServerErrorOrOtherException_False()
    {
        Assert.False(TransientMongoErrors.IsTransient(new MongoException("document too large")));
        Assert.False(TransientMongoErrors.IsTransient(new InvalidOperationException("bug")));
    }
}
