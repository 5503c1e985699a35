using BatchPredict.EmbeddedMongo.Storage;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Server;

public sealed class DurabilityTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "bp-durable-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_path, recursive: true);

    private async Task<T> WithServerAsync<T>(Func<IMongoDatabase, Task<T>> work)
    {
        await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { DataPath = _path });
        using var client = new MongoClient(server.ConnectionString);
        return await work(client.GetDatabase("durable"));
    }

    [Fact]
    public async Task Restart_AfterWritesOfEveryKind_RestoresExactState()
    {
        await WithServerAsync(async db =>
        {
            var items = db.GetCollection<BsonDocument>("items");
            await items.InsertManyAsync(Enumerable.Range(1, 100).Select(i => new BsonDocument { { "_id", i }, { "v", i } }));
            await items.UpdateManyAsync(BsonDocument.Parse("{v: {$lte: 10}}"), BsonDocument.Parse("{$set: {small: true}}"));
            await items.DeleteManyAsync(BsonDocument.Parse("{v: {$gt: 90}}"));
            await items.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(BsonDocument.Parse("{v: 1}"), new CreateIndexOptions { Unique = true }));
            await db.CreateCollectionAsync("capped", new CreateCollectionOptions { Capped = true, MaxSize = 10_000, MaxDocuments = 2 });
            await db.GetCollection<BsonDocument>("capped").InsertManyAsync([new BsonDocument("_id", 1), new BsonDocument("_id", 2), new BsonDocument("_id", 3)]);
            await db.GetCollection<BsonDocument>("temp").InsertOneAsync(new BsonDocument("_id", 1));
            await db.RenameCollectionAsync("temp", "renamed");
            return 0;
        });

        var (items, indexes, capped, names) = await WithServerAsync(async db => (
            await db.GetCollection<BsonDocument>("items").Find(FilterDefinition<BsonDocument>.Empty).ToListAsync(),
            await (await db.GetCollection<BsonDocument>("items").Indexes.ListAsync()).ToListAsync(),
            await db.GetCollection<BsonDocument>("capped").Find(FilterDefinition<BsonDocument>.Empty).ToListAsync(),
            await (await db.ListCollectionNamesAsync()).ToListAsync()));

        Assert.Equal(Enumerable.Range(1, 90), items.Select(d => d["_id"].AsInt32));
        Assert.Equal(10, items.Count(d => d.Contains("small")));
        Assert.Equal(["_id_", "v_1"], indexes.Select(i => i["name"].AsString));
        Assert.Equal([2, 3], capped.Select(d => d["_id"].AsInt32));
        Assert.Equal(["capped", "items", "renamed"], names.Order());
    }

    [Fact]
    public async Task Restart_AfterCompaction_RestoresSnapshotPlusLaterJournal()
    {
        await using (var engine = StorageEngine.Open(_path))
        {
            var store = engine.GetOrCreate("db", "c");
            for (var i = 0; i < 50; i++)
            {
                var bson = new BsonDocument { { "_id", i }, { "v", i } }.ToBson();
                engine.Insert(store, bson, i, null);
            }

            engine.CreateIndex(store, BsonDocument.Parse("{key: {v: -1}, name: 'v_-1'}"));
            await engine.CompactAsync();
            engine.Delete(store, store.FindById(0)!, null);
            engine.Insert(store, new BsonDocument { { "_id", 100 }, { "v", 100 } }.ToBson(), 100, null);
            await engine.WaitDurableAsync(engine.Ticket);
        }

        Assert.Single(Directory.GetFiles(_path, "snapshot-*.bsnap"));
        await using var reopened = StorageEngine.Open(_path);
        var restored = reopened.Find("db", "c")!;
        Assert.Equal([.. Enumerable.Range(1, 49), 100], restored.Natural(0).Select(r => CollectionStore.IdOf(r).AsInt32));
        Assert.Equal("v_-1", restored.Indexes[1].Definition.Name);
        Assert.Equal(50, restored.Indexes[1].Entries.Count);
    }

    [Fact]
    public async Task Restart_CompactionDuringConcurrentWrites_LosesNothing()
    {
        await using (var engine = StorageEngine.Open(_path))
        {
            var store = engine.GetOrCreate("db", "c");
            var writer = Task.Run(() =>
            {
                for (var i = 0; i < 20_000; i++)
                {
                    engine.Lock.EnterWriteLock();
                    try
                    {
                        engine.Insert(store, new BsonDocument { { "_id", i }, { "pad", new string('p', 50) } }.ToBson(), i, null);
                    }
                    finally
                    {
                        engine.Lock.ExitWriteLock();
                    }
                }
            });
            await Task.Delay(5);
            await engine.CompactAsync();
            await writer;
            await engine.WaitDurableAsync(engine.Ticket);
        }

        await using var reopened = StorageEngine.Open(_path);
        var ids = reopened.Find("db", "c")!.Natural(0).Select(r => CollectionStore.IdOf(r).AsInt32);
        Assert.Equal(Enumerable.Range(0, 20_000), ids);
    }

    [Fact]
    public async Task Restart_TornLastJournalRecord_IsIgnored()
    {
        await using (var engine = StorageEngine.Open(_path))
        {
            var store = engine.GetOrCreate("db", "c");
            engine.Insert(store, new BsonDocument("_id", 1).ToBson(), 1, null);
            await engine.WaitDurableAsync(engine.Ticket);
        }

        // A crash in the middle of writing a record leaves a prefix of it behind.
        var journal = Directory.GetFiles(_path, "journal-*.log").Single();
        await File.AppendAllBytesAsync(journal, [200, 0, 0, 0, 1, 2, 3]);

        await using (var engine = StorageEngine.Open(_path))
        {
            var store = engine.Find("db", "c")!;
            Assert.Equal(1, store.Count);
            engine.Insert(store, new BsonDocument("_id", 2).ToBson(), 2, null);
            await engine.WaitDurableAsync(engine.Ticket);
        }

        await using var final = StorageEngine.Open(_path);
        Assert.Equal(2, final.Find("db", "c")!.Count);
    }

    [Fact]
    public async Task Start_DataPathInUse_FailsNamingFolder()
    {
        await using var first = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { DataPath = _path });

        var error = await Assert.ThrowsAsync<IOException>(() => EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { DataPath = _path }));

        Assert.Contains(_path, error.Message);
    }
}
