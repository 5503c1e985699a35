using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Server;

public sealed class InsertTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task InsertMany_ThenFind_ReturnsDocumentsInInsertionOrder()
    {
        var collection = fixture.Collection("order");
        await collection.InsertManyAsync(Enumerable.Range(0, 500).Select(i => new BsonDocument { { "_id", 500 - i }, { "i", i } }));

        var found = await collection.Find(FilterDefinition<BsonDocument>.Empty).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 500), found.Select(d => d["i"].AsInt32));
    }

    [Fact]
    public async Task InsertOne_WithoutId_GetsObjectIdFirst()
    {
        var result = await fixture.CommandAsync("{insert: 'noid', documents: [{a: 1}]}");
        var stored = await fixture.Collection("noid").Find(FilterDefinition<BsonDocument>.Empty).SingleAsync();

        Assert.Equal(1, result["n"].AsInt32);
        Assert.Equal("_id", stored.GetElement(0).Name);
        Assert.Equal(BsonType.ObjectId, stored["_id"].BsonType);
    }

    [Fact]
    public async Task InsertOne_DuplicateId_Fails11000WithMessage()
    {
        var collection = fixture.Collection("dup");
        await collection.InsertOneAsync(new BsonDocument("_id", "x"));

        var error = await Assert.ThrowsAsync<MongoWriteException>(() => collection.InsertOneAsync(new BsonDocument("_id", "x")));

        Assert.Equal(11000, error.WriteError.Code);
        Assert.Equal($"E11000 duplicate key error collection: {fixture.Database.DatabaseNamespace.DatabaseName}.dup index: _id_ dup key: {{ _id: \"x\" }}",
            error.WriteError.Message);
    }

    [Fact]
    public async Task InsertMany_OrderedWithDuplicate_StopsAtFailure()
    {
        var collection = fixture.Collection("ordered");
        var documents = new[] { 1, 2, 2, 3 }.Select(i => new BsonDocument("_id", i));

        var error = await Assert.ThrowsAsync<MongoBulkWriteException<BsonDocument>>(() => collection.InsertManyAsync(documents));

        Assert.Equal(2, error.WriteErrors.Single().Index);
        Assert.Equal(2, await collection.EstimatedDocumentCountAsync());
    }

    [Fact]
    public async Task InsertMany_UnorderedWithDuplicates_InsertsTheRest()
    {
        var collection = fixture.Collection("unordered");
        var documents = new[] { 1, 1, 2, 2, 3 }.Select(i => new BsonDocument("_id", i));

        var error = await Assert.ThrowsAsync<MongoBulkWriteException<BsonDocument>>(() =>
            collection.InsertManyAsync(documents, new InsertManyOptions { IsOrdered = false }));

        Assert.Equal([1, 3], error.WriteErrors.Select(e => e.Index));
        Assert.Equal(3, collection.EstimatedDocumentCount());
    }

    [Fact]
    public async Task Insert_ArrayId_FailsBadValue()
    {
        var reply = await fixture.CommandAsync("{insert: 'arrayid', documents: [{_id: [1, 2]}]}");

        Assert.Equal(2, reply["writeErrors"][0]["code"].AsInt32);
        Assert.Equal("can't use an array for _id", reply["writeErrors"][0]["errmsg"].AsString);
    }

    [Fact]
    public async Task InsertOne_Unacknowledged_IsStored()
    {
        var collection = fixture.Collection("w0").WithWriteConcern(WriteConcern.Unacknowledged);
        await collection.InsertOneAsync(new BsonDocument("_id", 1));

        // The write has no reply, so the read may overtake it on another connection: wait for it (bounded).
        var found = 0L;
        for (var attempt = 0; attempt < 100 && found == 0; attempt++)
        {
            found = await fixture.Collection("w0").EstimatedDocumentCountAsync();
            await Task.Delay(found == 0 ? 50 : 0);
        }

        Assert.Equal(1, found);
    }
}
