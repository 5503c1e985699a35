using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Server;

public sealed class HandshakeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Hello_Standalone_AdvertisesWireVersion17AndLimits()
    {
        var reply = await fixture.CommandAsync("{hello: 1}");

        Assert.True(reply["isWritablePrimary"].AsBoolean);
        Assert.Equal(17, reply["maxWireVersion"].AsInt32);
        Assert.Equal(16 * 1024 * 1024, reply["maxBsonObjectSize"].AsInt32);
        Assert.Equal(48_000_000, reply["maxMessageSizeBytes"].AsInt32);
        Assert.Equal(100_000, reply["maxWriteBatchSize"].AsInt32);
        Assert.Equal(30, reply["logicalSessionTimeoutMinutes"].AsInt32);
        Assert.Equal(BsonType.DateTime, reply["localTime"].BsonType);
    }

    [Fact]
    public async Task BuildInfo_Always_ReportsVersion600WithArray()
    {
        var reply = await fixture.CommandAsync("{buildInfo: 1}");

        Assert.Equal("6.0.0", reply["version"].AsString);
        Assert.Equal(new BsonArray { 6, 0, 0, 0 }, reply["versionArray"]);
    }

    [Fact]
    public async Task Ping_Always_AnswersOk()
    {
        var reply = await fixture.CommandAsync("{ping: 1}");

        Assert.Equal(1.0, reply["ok"].ToDouble());
    }

    [Fact]
    public async Task UnknownCommand_Always_Fails59CommandNotFound()
    {
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => fixture.CommandAsync("{frobnicate: 1}"));

        Assert.Equal(59, error.Code);
        Assert.Equal("CommandNotFound", error.CodeName);
        Assert.Equal("no such command: 'frobnicate'", error.ErrorMessage);
    }

    [Fact]
    public async Task ServerStatus_Always_HasLocalTimeAndVersion()
    {
        var reply = await fixture.Client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("serverStatus", 1));

        Assert.Equal("6.0.0", reply["version"].AsString);
        Assert.Equal(BsonType.DateTime, reply["localTime"].BsonType);
    }

    [Fact]
    public async Task Session_CommandsInsideExplicitSession_Succeed()
    {
        var collection = fixture.Collection("sessions");
        using var session = await fixture.Client.StartSessionAsync();

        await collection.InsertOneAsync(session, new BsonDocument("_id", 1));
        var found = await collection.Find(session, FilterDefinition<BsonDocument>.Empty).ToListAsync();

        Assert.Single(found);
    }

    [Fact]
    public async Task Transaction_OnStandalone_IsRefused20IllegalOperation()
    {
        var error = await Assert.ThrowsAsync<MongoCommandException>(() =>
            fixture.CommandAsync("{find: 'tx', startTransaction: true, autocommit: false, txnNumber: NumberLong(1)}"));

        Assert.Equal(20, error.Code);
        Assert.Contains("Transactions are not supported", error.ErrorMessage);
    }

    [Fact]
    public async Task Insert_RetriedWithSameTxnNumber_AppliesOnce()
    {
        const string command = "{insert: 'retry', documents: [{x: 1}], lsid: {id: UUID('0123456789abcdef0123456789abcdef')}, txnNumber: NumberLong(7)}";

        var first = await fixture.CommandAsync(command);
        var second = await fixture.CommandAsync(command);
        var stored = await fixture.Collection("retry").Find(FilterDefinition<BsonDocument>.Empty).ToListAsync();

        Assert.Equal(1, first["n"].AsInt32);
        Assert.Equal(1, second["n"].AsInt32);
        Assert.Single(stored);
    }
}
