using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Server;

public sealed class UpdateTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private IMongoCollection<BsonDocument> Fresh(string name)
    {
        var collection = fixture.Collection(name);
        collection.InsertMany(Enumerable.Range(1, 10).Select(i => new BsonDocument { { "_id", i }, { "n", i }, { "even", i % 2 == 0 } }));
        return collection;
    }

    [Fact]
    public async Task UpdateOne_Set_ChangesOneDocument()
    {
        var collection = Fresh("one");

        var result = await collection.UpdateOneAsync(BsonDocument.Parse("{even: true}"), BsonDocument.Parse("{$set: {tag: 'x'}, $inc: {n: 100}}"));

        Assert.Equal(1, result.MatchedCount);
        Assert.Equal(1, result.ModifiedCount);
        Assert.Equal(BsonDocument.Parse("{_id: 2, n: 102, even: true, tag: 'x'}"), await collection.Find(new BsonDocument("_id", 2)).SingleAsync());
    }

    [Fact]
    public async Task UpdateMany_Multi_ChangesAllMatches()
    {
        var collection = Fresh("many");

        var result = await collection.UpdateManyAsync(BsonDocument.Parse("{even: true}"), BsonDocument.Parse("{$set: {tag: 'e'}}"));

        Assert.Equal(5, result.MatchedCount);
        Assert.Equal(5, result.ModifiedCount);
        Assert.Equal([2, 4, 6, 8, 10], (await collection.Find(BsonDocument.Parse("{tag: 'e'}")).ToListAsync()).Select(d => d["_id"].AsInt32));
    }

    [Fact]
    public async Task UpdateOne_NoChange_CountsMatchedNotModified()
    {
        var collection = Fresh("noop");

        var result = await collection.UpdateOneAsync(new BsonDocument("_id", 3), BsonDocument.Parse("{$set: {n: 3}}"));

        Assert.Equal(1, result.MatchedCount);
        Assert.Equal(0, result.ModifiedCount);
    }

    [Fact]
    public async Task UpdateOne_UpsertNoMatch_InsertsSeededDocument()
    {
        var collection = fixture.Collection("upsert");

        var result = await collection.UpdateOneAsync(BsonDocument.Parse("{key: 'k', v: 1}"), BsonDocument.Parse("{$set: {w: 2}, $setOnInsert: {created: true}}"),
            new UpdateOptions { IsUpsert = true });

        var stored = await collection.Find(new BsonDocument("_id", result.UpsertedId)).SingleAsync();
        Assert.Equal(0, result.MatchedCount);
        Assert.Equal(BsonType.ObjectId, result.UpsertedId.BsonType);
        stored.Remove("_id");
        Assert.Equal(BsonDocument.Parse("{key: 'k', v: 1, created: true, w: 2}"), stored);
    }

    [Fact]
    public async Task ReplaceOne_KeepsIdAndNaturalPosition()
    {
        var collection = Fresh("replace");

        await collection.ReplaceOneAsync(new BsonDocument("_id", 1), BsonDocument.Parse("{replaced: true}"));

        var first = await collection.Find(FilterDefinition<BsonDocument>.Empty).FirstAsync();
        Assert.Equal(BsonDocument.Parse("{_id: 1, replaced: true}"), first);
    }

    [Fact]
    public async Task UpdateOne_ChangingId_Fails66ImmutableField()
    {
        var collection = Fresh("immutable");

        var error = await Assert.ThrowsAsync<MongoWriteException>(() => collection.UpdateOneAsync(new BsonDocument("_id", 1), BsonDocument.Parse("{$set: {_id: 99}}")));

        Assert.Equal(66, error.WriteError.Code);
    }

    [Fact]
    public async Task BulkWrite_UnorderedWithBadStatement_ReportsIndexAndAppliesOthers()
    {
        var collection = Fresh("bulk");
        var requests = new WriteModel<BsonDocument>[]
        {
            new UpdateOneModel<BsonDocument>(new BsonDocument("_id", 1), BsonDocument.Parse("{$set: {a: 1}}")),
            new UpdateOneModel<BsonDocument>(new BsonDocument("_id", 2), BsonDocument.Parse("{$inc: {even: 1}}")),
            new UpdateOneModel<BsonDocument>(new BsonDocument("_id", 3), BsonDocument.Parse("{$set: {a: 3}}")),
        };

        var error = await Assert.ThrowsAsync<MongoBulkWriteException<BsonDocument>>(() => collection.BulkWriteAsync(requests, new BulkWriteOptions { IsOrdered = false }));

        Assert.Equal(1, error.WriteErrors.Single().Index);
        Assert.Equal(14, error.WriteErrors.Single().Code);
        Assert.Equal(2, error.Result.ModifiedCount);
    }

    [Fact]
    public async Task UpdateOne_UniqueIndexViolation_Fails11000AndLeavesDocument()
    {
        var collection = Fresh("uniqueupdate");
        await collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(BsonDocument.Parse("{n: 1}"), new CreateIndexOptions { Unique = true }));

        var error = await Assert.ThrowsAsync<MongoWriteException>(() => collection.UpdateOneAsync(new BsonDocument("_id", 1), BsonDocument.Parse("{$set: {n: 2}}")));

        Assert.Equal(11000, error.WriteError.Code);
        Assert.EndsWith("index: n_1 dup key: { n: 2 }", error.WriteError.Message);
        Assert.Equal(1, (await collection.Find(new BsonDocument("_id", 1)).SingleAsync())["n"].AsInt32);
    }

    [Fact]
    public async Task DeleteMany_Filter_RemovesMatches()
    {
        var collection = Fresh("delete");

        var many = await collection.DeleteManyAsync(BsonDocument.Parse("{even: true}"));
        var one = await collection.DeleteOneAsync(BsonDocument.Parse("{n: {$gt: 0}}"));

        Assert.Equal(5, many.DeletedCount);
        Assert.Equal(1, one.DeletedCount);
        Assert.Equal([3, 5, 7, 9], (await collection.Find(FilterDefinition<BsonDocument>.Empty).ToListAsync()).Select(d => d["_id"].AsInt32));
    }

    [Fact]
    public async Task FindOneAndUpdate_ReturnAfterWithSort_UpdatesFirstInSortOrder()
    {
        var collection = Fresh("fam");

        var updated = await collection.FindOneAndUpdateAsync(BsonDocument.Parse("{even: false}"), BsonDocument.Parse("{$set: {taken: true}}"),
            new FindOneAndUpdateOptions<BsonDocument> { Sort = BsonDocument.Parse("{n: -1}"), ReturnDocument = ReturnDocument.After });

        Assert.Equal(BsonDocument.Parse("{_id: 9, n: 9, even: false, taken: true}"), updated);
    }

    [Fact]
    public async Task FindOneAndUpdate_UpsertNoMatch_ReturnsInserted()
    {
        var collection = fixture.Collection("famupsert");

        var inserted = await collection.FindOneAndUpdateAsync(BsonDocument.Parse("{_id: 'lock'}"), BsonDocument.Parse("{$set: {owner: 'a'}}"),
            new FindOneAndUpdateOptions<BsonDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After });

        Assert.Equal(BsonDocument.Parse("{_id: 'lock', owner: 'a'}"), inserted);
    }

    [Fact]
    public async Task FindOneAndDelete_Match_ReturnsRemovedDocument()
    {
        var collection = Fresh("famdelete");

        var removed = await collection.FindOneAndDeleteAsync(new BsonDocument("_id", 4));

        Assert.Equal(4, removed["n"].AsInt32);
        Assert.Equal(9, await collection.EstimatedDocumentCountAsync());
    }

    [Fact]
    public async Task FindAndModify_UpdateAndRemove_FailsToParse()
    {
        var error = await Assert.ThrowsAsync<MongoCommandException>(() =>
            fixture.CommandAsync("{findAndModify: 'x', query: {}, update: {$set: {a: 1}}, remove: true}"));

        Assert.Equal(9, error.Code);
    }
}
