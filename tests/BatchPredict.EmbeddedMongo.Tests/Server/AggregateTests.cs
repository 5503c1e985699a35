using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Server;

public sealed class AggregateTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private async Task<IMongoCollection<BsonDocument>> SalesAsync(string name)
    {
        var collection = fixture.Collection(name);
        await collection.InsertManyAsync(Enumerable.Range(1, 300).Select(i => new BsonDocument
        {
            { "_id", i }, { "shop", $"s{i % 3}" }, { "amount", i },
        }));
        return collection;
    }

    [Fact]
    public async Task Aggregate_MatchGroupSort_ReturnsTotals()
    {
        var sales = await SalesAsync("sales");

        var totals = await sales.Aggregate<BsonDocument>(BsonDocument.Parse("{p: [" +
            "{$match: {amount: {$lte: 6}}}, {$group: {_id: '$shop', total: {$sum: '$amount'}, n: {$sum: 1}}}, {$sort: {_id: 1}}]}")["p"]
            .AsBsonArray.Select(s => s.AsBsonDocument).ToArray()).ToListAsync();

        Assert.Equal([
            BsonDocument.Parse("{_id: 's0', total: 9, n: 2}"),
            BsonDocument.Parse("{_id: 's1', total: 5, n: 2}"),
            BsonDocument.Parse("{_id: 's2', total: 7, n: 2}"),
        ], totals);
    }

    [Fact]
    public async Task CountDocuments_WithFilter_CountsThroughAggregate()
    {
        var sales = await SalesAsync("counted");

        var count = await sales.CountDocumentsAsync(BsonDocument.Parse("{shop: 's1'}"));

        Assert.Equal(100, count);
    }

    [Fact]
    public async Task Aggregate_LargeResult_IsReadThroughGetMore()
    {
        var sales = await SalesAsync("large");

        var all = await sales.Aggregate(new AggregateOptions { BatchSize = 10 }).Sort(BsonDocument.Parse("{amount: -1}")).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 300).Reverse(), all.Select(d => d["amount"].AsInt32));
    }

    [Fact]
    public async Task Aggregate_ProjectNow_ReturnsServerTime()
    {
        var sales = await SalesAsync("now");

        var first = await sales.Aggregate<BsonDocument>(new[] { BsonDocument.Parse("{$project: {date: '$$NOW'}}") }).FirstAsync();

        Assert.InRange(first["date"].ToUniversalTime(), DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Aggregate_Out_ReplacesTargetAndKeepsItsIndexes()
    {
        var sales = await SalesAsync("outsource");
        var target = fixture.Collection("outtarget");
        await target.InsertOneAsync(new BsonDocument("_id", "stale"));
        await target.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(BsonDocument.Parse("{shop: 1}")));

        await fixture.CommandAsync("{aggregate: 'outsource', pipeline: [{$match: {}}, {$out: 'outtarget'}], cursor: {}, allowDiskUse: true}");

        Assert.Equal(300, await target.EstimatedDocumentCountAsync());
        Assert.Equal(2, (await (await target.Indexes.ListAsync()).ToListAsync()).Count);
        Assert.Equal(300, await sales.EstimatedDocumentCountAsync());
    }

    [Fact]
    public async Task Aggregate_Lookup_JoinsOtherCollection()
    {
        var orders = fixture.Collection("orders");
        var shops = fixture.Collection("shops");
        await shops.InsertOneAsync(BsonDocument.Parse("{_id: 's1', city: 'Oslo'}"));
        await orders.InsertOneAsync(BsonDocument.Parse("{_id: 1, shop: 's1'}"));

        var joined = await orders.Aggregate<BsonDocument>(new[] { BsonDocument.Parse("{$lookup: {from: 'shops', localField: 'shop', foreignField: '_id', as: 'shopInfo'}}") }).SingleAsync();

        Assert.Equal("Oslo", joined["shopInfo"][0]["city"].AsString);
    }

    [Fact]
    public async Task Aggregate_WithoutCursor_FailsToParse()
    {
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => fixture.CommandAsync("{aggregate: 'sales', pipeline: []}"));

        Assert.Equal(9, error.Code);
    }
}
