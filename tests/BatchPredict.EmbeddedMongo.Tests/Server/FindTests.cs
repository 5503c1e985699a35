using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Server;

public sealed class FindTests : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private readonly ServerFixture _fixture;
    private readonly IMongoCollection<BsonDocument> _people;

    public FindTests(ServerFixture fixture)
    {
        _fixture = fixture;
        _people = fixture.Collection("people");
    }

    public async Task InitializeAsync()
    {
        if (await _people.EstimatedDocumentCountAsync() == 0)
        {
            await _people.InsertManyAsync(Enumerable.Range(1, 1000).Select(i => new BsonDocument
            {
                { "_id", i }, { "name", $"p{i:D4}" }, { "age", i % 90 }, { "tags", new BsonArray { $"t{i % 3}", "all" } },
                { "address", new BsonDocument { { "city", i % 2 == 0 ? "Oslo" : "Rome" } } },
            }));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Find_FilterSortProjection_ReturnsExactDocuments()
    {
        var found = await _people.Find(BsonDocument.Parse("{age: {$gte: 85}, 'address.city': 'Oslo', tags: 't0'}"))
            .Sort(BsonDocument.Parse("{age: -1, _id: 1}"))
            .Project(BsonDocument.Parse("{name: 1, _id: 0}"))
            .ToListAsync();

        var expected = Enumerable.Range(1, 1000).Where(i => i % 90 >= 85 && i % 2 == 0 && i % 3 == 0)
            .OrderByDescending(i => i % 90).ThenBy(i => i).Select(i => new BsonDocument("name", $"p{i:D4}"));
        Assert.Equal(expected, found);
    }

    [Fact]
    public async Task Find_SkipLimit_ReturnsWindow()
    {
        var found = await _people.Find(FilterDefinition<BsonDocument>.Empty).Sort(BsonDocument.Parse("{_id: 1}")).Skip(10).Limit(5).ToListAsync();

        Assert.Equal([11, 12, 13, 14, 15], found.Select(d => d["_id"].AsInt32));
    }

    [Fact]
    public async Task Find_SmallBatchSize_IteratesAllWithGetMore()
    {
        var ids = new List<int>();
        using var cursor = await _people.FindAsync(FilterDefinition<BsonDocument>.Empty, new FindOptions<BsonDocument> { BatchSize = 7 });
        var batches = 0;
        while (await cursor.MoveNextAsync())
        {
            batches++;
            ids.AddRange(cursor.Current.Select(d => d["_id"].AsInt32));
        }

        Assert.Equal(Enumerable.Range(1, 1000), ids);
        Assert.True(batches >= 1000 / 7);
    }

    [Fact]
    public async Task Find_IdRange_UsesIndexOrder()
    {
        var found = await _people.Find(BsonDocument.Parse("{_id: {$gt: 995}}")).Sort(BsonDocument.Parse("{_id: -1}")).ToListAsync();

        Assert.Equal([1000, 999, 998, 997, 996], found.Select(d => d["_id"].AsInt32));
    }

    [Fact]
    public async Task Find_InOnId_ReturnsEachOnce()
    {
        var found = await _people.Find(BsonDocument.Parse("{_id: {$in: [3, 1, 2, 3, 5000]}}")).ToListAsync();

        Assert.Equal([1, 2, 3], found.Select(d => d["_id"].AsInt32).Order());
    }

    [Fact]
    public async Task Find_BatchSizeZero_ReturnsEmptyFirstBatchAndOpenCursor()
    {
        var first = await _fixture.CommandAsync("{find: 'people', filter: {_id: {$lte: 3}}, batchSize: 0}");
        var id = first["cursor"]["id"].AsInt64;
        var next = await _fixture.CommandAsync($"{{getMore: NumberLong({id}), collection: 'people'}}");

        Assert.Empty(first["cursor"]["firstBatch"].AsBsonArray);
        Assert.Equal([1, 2, 3], next["cursor"]["nextBatch"].AsBsonArray.Select(d => d["_id"].AsInt32));
        Assert.Equal(0, next["cursor"]["id"].AsInt64);
    }

    [Fact]
    public async Task Find_MissingCollection_ReturnsEmpty()
    {
        var found = await _fixture.Collection("nothing").Find(FilterDefinition<BsonDocument>.Empty).ToListAsync();

        Assert.Empty(found);
    }

    [Fact]
    public async Task Find_UnknownOperator_FailsBadValue()
    {
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => _fixture.CommandAsync("{find: 'people', filter: {age: {$bogus: 1}}}"));

        Assert.Equal(2, error.Code);
    }

    [Fact]
    public async Task Find_Collation_IsRefusedByName()
    {
        var error = await Assert.ThrowsAsync<MongoCommandException>(() =>
            _fixture.CommandAsync("{find: 'people', filter: {}, collation: {locale: 'fr'}}"));

        Assert.Equal(115, error.Code);
        Assert.Contains("'collation'", error.ErrorMessage);
    }

    [Fact]
    public async Task Find_HintToMissingIndex_FailsBadValue()
    {
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => _fixture.CommandAsync("{find: 'people', filter: {}, hint: 'nope_1'}"));

        Assert.Equal(2, error.Code);
        Assert.Contains("hint provided does not correspond to an existing index", error.ErrorMessage);
    }

    [Fact]
    public async Task GetMore_UnknownCursor_Fails43CursorNotFound()
    {
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => _fixture.CommandAsync("{getMore: NumberLong(12345), collection: 'people'}"));

        Assert.Equal(43, error.Code);
        Assert.Equal("cursor id 12345 not found", error.ErrorMessage);
    }

    [Fact]
    public async Task KillCursors_OpenCursor_ReportsKilled()
    {
        var first = await _fixture.CommandAsync("{find: 'people', batchSize: 2}");
        var id = first["cursor"]["id"].AsInt64;

        var reply = await _fixture.CommandAsync($"{{killCursors: 'people', cursors: [NumberLong({id})]}}");

        Assert.Equal(new BsonArray { id }, reply["cursorsKilled"]);
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => _fixture.CommandAsync($"{{getMore: NumberLong({id}), collection: 'people'}}"));
        Assert.Equal(43, error.Code);
    }

    [Fact]
    public async Task Count_WithQuerySkipLimit_CountsMatches()
    {
        var reply = await _fixture.CommandAsync("{count: 'people', query: {'address.city': 'Rome'}, skip: 100, limit: 300}");

        Assert.Equal(300, reply["n"].ToInt32());
    }

    [Fact]
    public async Task Distinct_ArrayField_ReturnsEachElementOnce()
    {
        var values = await _people.DistinctAsync<string>("tags", BsonDocument.Parse("{_id: {$lte: 3}}"));

        Assert.Equal(["all", "t0", "t1", "t2"], (await values.ToListAsync()).Order());
    }
}
