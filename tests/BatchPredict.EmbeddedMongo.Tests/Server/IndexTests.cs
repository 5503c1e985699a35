using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Server;

public sealed class IndexTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task CreateIndexes_Compound_ListedWithSpec()
    {
        var collection = fixture.Collection("listed");
        var name = await collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(BsonDocument.Parse("{a: 1, b: -1}")));

        var indexes = await (await collection.Indexes.ListAsync()).ToListAsync();

        Assert.Equal("a_1_b_-1", name);
        Assert.Equal(["_id_", "a_1_b_-1"], indexes.Select(i => i["name"].AsString));
        Assert.Equal(BsonDocument.Parse("{a: 1, b: -1}"), indexes[1]["key"]);
    }

    [Fact]
    public async Task CreateIndexes_SameAgain_IsNoOp()
    {
        var reply1 = await fixture.CommandAsync("{createIndexes: 'again', indexes: [{key: {x: 1}, name: 'x_1'}]}");
        var reply2 = await fixture.CommandAsync("{createIndexes: 'again', indexes: [{key: {x: 1}, name: 'x_1'}]}");

        Assert.Equal(2, reply1["numIndexesAfter"].AsInt32);
        Assert.True(reply1["createdCollectionAutomatically"].AsBoolean);
        Assert.Equal(2, reply2["numIndexesBefore"].AsInt32);
        Assert.Equal(2, reply2["numIndexesAfter"].AsInt32);
    }

    [Fact]
    public async Task CreateIndexes_SameKeyOtherName_Fails85()
    {
        await fixture.CommandAsync("{createIndexes: 'conflict', indexes: [{key: {x: 1}, name: 'x_1'}]}");

        var error = await Assert.ThrowsAsync<MongoCommandException>(() => fixture.CommandAsync("{createIndexes: 'conflict', indexes: [{key: {x: 1}, name: 'other'}]}"));

        Assert.Equal(85, error.Code);
    }

    [Fact]
    public async Task CreateIndexes_UniqueOverDuplicates_Fails11000()
    {
        var collection = fixture.Collection("dupdata");
        await collection.InsertManyAsync([new BsonDocument("k", 1), new BsonDocument("k", 1)]);

        var error = await Assert.ThrowsAsync<MongoCommandException>(() =>
            collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(BsonDocument.Parse("{k: 1}"), new CreateIndexOptions { Unique = true })));

        Assert.Equal(11000, error.Code);
        Assert.Single(await (await collection.Indexes.ListAsync()).ToListAsync());
    }

    [Fact]
    public async Task UniqueCompound_DuplicatePair_Fails11000WithKeyInMessage()
    {
        var collection = fixture.Collection("compound");
        await collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(BsonDocument.Parse("{a: 1, b: 1}"), new CreateIndexOptions { Unique = true }));
        await collection.InsertManyAsync([BsonDocument.Parse("{a: 1, b: 'x'}"), BsonDocument.Parse("{a: 1, b: 'y'}")]);

        var error = await Assert.ThrowsAsync<MongoWriteException>(() => collection.InsertOneAsync(BsonDocument.Parse("{a: 1, b: 'x'}")));

        Assert.EndsWith("index: a_1_b_1 dup key: { a: 1, b: \"x\" }", error.WriteError.Message);
    }

    [Fact]
    public async Task Find_OnCompoundIndexWithRange_ReturnsSortedMatches()
    {
        var collection = fixture.Collection("chunks");
        await collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(BsonDocument.Parse("{files_id: 1, n: 1}"), new CreateIndexOptions { Unique = true }));
        await collection.InsertManyAsync(Enumerable.Range(0, 50).Reverse().SelectMany(n => new[] { 1, 2 }.Select(f => new BsonDocument { { "files_id", f }, { "n", n } })));

        var found = await collection.Find(BsonDocument.Parse("{files_id: 2, n: {$gte: 10, $lt: 15}}")).Sort(BsonDocument.Parse("{n: 1}")).ToListAsync();

        Assert.Equal([10, 11, 12, 13, 14], found.Select(d => d["n"].AsInt32));
        Assert.All(found, d => Assert.Equal(2, d["files_id"].AsInt32));
    }

    [Fact]
    public async Task DropIndexes_ByName_RemovesIt()
    {
        await fixture.CommandAsync("{createIndexes: 'dropidx', indexes: [{key: {x: 1}, name: 'x_1'}, {key: {y: 1}, name: 'y_1'}]}");

        var reply = await fixture.CommandAsync("{dropIndexes: 'dropidx', index: 'x_1'}");
        var listed = await fixture.CommandAsync("{listIndexes: 'dropidx'}");

        Assert.Equal(3, reply["nIndexesWas"].AsInt32);
        Assert.Equal(["_id_", "y_1"], listed["cursor"]["firstBatch"].AsBsonArray.Select(i => i["name"].AsString));
    }

    [Fact]
    public async Task DropIndexes_Missing_Fails27IndexNotFound()
    {
        await fixture.CommandAsync("{create: 'noindex'}");

        var error = await Assert.ThrowsAsync<MongoCommandException>(() => fixture.CommandAsync("{dropIndexes: 'noindex', index: 'nope'}"));

        Assert.Equal(27, error.Code);
    }

    [Fact]
    public async Task CreateIndexes_TextIndex_IsRefusedByName()
    {
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => fixture.CommandAsync("{createIndexes: 'text', indexes: [{key: {body: 'text'}, name: 't'}]}"));

        Assert.Equal(115, error.Code);
        Assert.Contains("index type 'text'", error.ErrorMessage);
    }

    [Fact]
    public async Task TtlIndex_ExpiredDocuments_AreRemovedByMonitor()
    {
        var collection = fixture.Collection("ttl");
        await collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(BsonDocument.Parse("{at: 1}"), new CreateIndexOptions { ExpireAfter = TimeSpan.Zero }));
        await collection.InsertManyAsync([
            new BsonDocument { { "_id", "old" }, { "at", DateTime.UtcNow.AddMinutes(-1) } },
            new BsonDocument { { "_id", "future" }, { "at", DateTime.UtcNow.AddHours(1) } },
            new BsonDocument { { "_id", "nodate" }, { "at", "soon" } },
        ]);

        // The fixture's monitor runs every 200 ms; wait (bounded) for the pass.
        var left = 3L;
        for (var attempt = 0; attempt < 100 && left == 3; attempt++)
        {
            await Task.Delay(50);
            left = await collection.EstimatedDocumentCountAsync();
        }

        var ids = (await collection.Find(FilterDefinition<BsonDocument>.Empty).ToListAsync()).Select(d => d["_id"].AsString);
        Assert.Equal(["future", "nodate"], ids);
    }
}
