using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Server;

public sealed class CollectionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task ListCollections_WithFilter_ReturnsMatchingNames()
    {
        await fixture.Database.CreateCollectionAsync("alpha");
        await fixture.Database.CreateCollectionAsync("beta");

        var names = await (await fixture.Database.ListCollectionNamesAsync(new ListCollectionNamesOptions { Filter = BsonDocument.Parse("{name: 'beta'}") })).ToListAsync();

        Assert.Equal(["beta"], names);
    }

    [Fact]
    public async Task Create_Existing_Fails48NamespaceExists()
    {
        await fixture.Database.CreateCollectionAsync("twice");

        var error = await Assert.ThrowsAsync<MongoCommandException>(() => fixture.Database.CreateCollectionAsync("twice"));

        Assert.Equal(48, error.Code);
    }

    [Fact]
    public async Task Create_View_IsRefusedByName()
    {
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => fixture.CommandAsync("{create: 'v', viewOn: 'alpha', pipeline: []}"));

        Assert.Equal(115, error.Code);
        Assert.Contains("'viewOn'", error.ErrorMessage);
    }

    [Fact]
    public async Task Drop_Existing_RemovesDocumentsAndName()
    {
        var collection = fixture.Collection("dropme");
        await collection.InsertOneAsync(new BsonDocument("_id", 1));

        await fixture.Database.DropCollectionAsync("dropme");

        var names = await (await fixture.Database.ListCollectionNamesAsync()).ToListAsync();
        Assert.DoesNotContain("dropme", names);
        Assert.Equal(0, await collection.EstimatedDocumentCountAsync());
    }

    [Fact]
    public async Task Drop_Missing_Fails26ButDriverIgnoresIt()
    {
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => fixture.CommandAsync("{drop: 'never'}"));
        await fixture.Database.DropCollectionAsync("never");

        Assert.Equal(26, error.Code);
    }

    [Fact]
    public async Task RenameCollection_KeepsDocumentsAndIndexes()
    {
        var collection = fixture.Collection("from");
        await collection.InsertOneAsync(new BsonDocument("_id", 1));
        await collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(BsonDocument.Parse("{x: 1}")));

        await fixture.Database.RenameCollectionAsync("from", "to");

        var target = fixture.Collection("to");
        Assert.Equal(1, await target.EstimatedDocumentCountAsync());
        Assert.Equal(2, (await (await target.Indexes.ListAsync()).ToListAsync()).Count);
        Assert.Equal(0, await collection.EstimatedDocumentCountAsync());
    }

    [Fact]
    public async Task RenameCollection_TargetExists_Fails48()
    {
        await fixture.Database.CreateCollectionAsync("src");
        await fixture.Database.CreateCollectionAsync("dst");

        var error = await Assert.ThrowsAsync<MongoCommandException>(() => fixture.Database.RenameCollectionAsync("src", "dst"));

        Assert.Equal(48, error.Code);
    }

    [Fact]
    public async Task CappedCollection_OverMax_KeepsNewestDocuments()
    {
        await fixture.Database.CreateCollectionAsync("capped", new CreateCollectionOptions { Capped = true, MaxSize = 100_000, MaxDocuments = 3 });
        var collection = fixture.Collection("capped");

        await collection.InsertManyAsync(Enumerable.Range(1, 5).Select(i => new BsonDocument("_id", i)));

        Assert.Equal([3, 4, 5], (await collection.Find(FilterDefinition<BsonDocument>.Empty).ToListAsync()).Select(d => d["_id"].AsInt32));
    }

    [Fact]
    public async Task TailableAwaitCursor_NewInsert_IsDelivered()
    {
        await fixture.Database.CreateCollectionAsync("tail", new CreateCollectionOptions { Capped = true, MaxSize = 100_000 });
        var collection = fixture.Collection("tail");
        await collection.InsertOneAsync(new BsonDocument("_id", 1));
        using var cursor = await collection.FindAsync(FilterDefinition<BsonDocument>.Empty, new FindOptions<BsonDocument>
        {
            CursorType = CursorType.TailableAwait, MaxAwaitTime = TimeSpan.FromSeconds(5),
        });
        Assert.True(await cursor.MoveNextAsync());
        Assert.Equal([1], cursor.Current.Select(d => d["_id"].AsInt32));

        var next = cursor.MoveNextAsync();
        await collection.InsertOneAsync(new BsonDocument("_id", 2));

        Assert.True(await next);
        Assert.Equal([2], cursor.Current.Select(d => d["_id"].AsInt32));
    }

    [Fact]
    public async Task ConvertToCapped_ThenInsert_IsCapped()
    {
        var collection = fixture.Collection("convert");
        await collection.InsertOneAsync(new BsonDocument("_id", 1));

        await fixture.CommandAsync("{convertToCapped: 'convert', size: 100000}");

        var info = await (await fixture.Database.ListCollectionsAsync(new ListCollectionsOptions { Filter = BsonDocument.Parse("{name: 'convert'}") })).SingleAsync();
        Assert.True(info["options"]["capped"].AsBoolean);
    }

    [Fact]
    public async Task CollStats_Existing_CountsDocuments()
    {
        var collection = fixture.Collection("stats");
        await collection.InsertManyAsync([new BsonDocument("_id", 1), new BsonDocument("_id", 2)]);

        var stats = await fixture.CommandAsync("{collStats: 'stats'}");

        Assert.Equal(2, stats["count"].ToInt32());
        Assert.Equal(2 * new BsonDocument("_id", 1).ToBson().Length, stats["size"].ToInt64());
    }

    [Fact]
    public async Task ListDatabases_AfterInsert_IncludesDatabase()
    {
        await fixture.Collection("any").InsertOneAsync(new BsonDocument("_id", 1));

        var names = await (await fixture.Client.ListDatabaseNamesAsync()).ToListAsync();

        Assert.Contains(fixture.Database.DatabaseNamespace.DatabaseName, names);
    }
}
