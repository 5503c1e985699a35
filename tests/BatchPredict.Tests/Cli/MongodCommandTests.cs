using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Tests.Cli;

public sealed class MongodCommandTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "bp-mongod-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_path))
        {
            Directory.Delete(_path, recursive: true);
        }
    }

    [Fact]
    public async Task Mongod_SigkillDuringAcknowledgedInserts_KeepsEveryAcknowledgedDocument()
    {
        var acknowledged = new List<int>();
        using (var server = await MongodProcess.StartAsync("--port", "0", "--dbpath", _path))
        {
            using var client = new MongoClient(server.ConnectionString);
            var collection = client.GetDatabase("crash").GetCollection<BsonDocument>("stream");
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = w; ; i += 4)
                {
                    try
                    {
                        await collection.InsertOneAsync(new BsonDocument { { "_id", i }, { "payload", new string('x', 200) } });
                    }
                    catch (Exception e) when (e is MongoException or OperationCanceledException or TimeoutException)
                    {
                        return;
                    }

                    lock (acknowledged)
                    {
                        acknowledged.Add(i);
                        if (acknowledged.Count == 2000)
                        {
                            _ = server.KillAsync();
                        }
                    }
                }
            })).ToArray();
            await Task.WhenAll(writers);
        }

        using var restarted = await MongodProcess.StartAsync("--port", "0", "--dbpath", _path);
        using var reader = new MongoClient(restarted.ConnectionString);
        var stored = (await reader.GetDatabase("crash").GetCollection<BsonDocument>("stream")
            .Find(FilterDefinition<BsonDocument>.Empty).Project(BsonDocument.Parse("{_id: 1}")).ToListAsync())
            .Select(d => d["_id"].AsInt32).ToHashSet();

        Assert.True(acknowledged.Count >= 2000);
        var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
        Assert.Equal([], lost);
        Assert.Equal(0, await restarted.TerminateAsync());
    }

    [Fact]
    public async Task Mongod_Sigterm_StopsCleanlyAndKeepsData()
    {
        using (var server = await MongodProcess.StartAsync("--port", "0", "--dbpath", _path))
        {
            using var client = new MongoClient(server.ConnectionString);
            await client.GetDatabase("clean").GetCollection<BsonDocument>("c").InsertOneAsync(new BsonDocument("_id", "kept"));
            Assert.Equal(0, await server.TerminateAsync());
        }

        using var restarted = await MongodProcess.StartAsync("--port", "0", "--dbpath", _path);
        using var reader = new MongoClient(restarted.ConnectionString);
        var found = await reader.GetDatabase("clean").GetCollection<BsonDocument>("c").Find(FilterDefinition<BsonDocument>.Empty).ToListAsync();

        Assert.Equal([new BsonDocument("_id", "kept")], found);
    }

    [Fact]
    public async Task Mongod_NeitherDbpathNorInMemory_IsRefusedWithOneLine()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MongodProcess.StartAsync("--port", "0"));

        Assert.Contains("exactly one of --dbpath <folder> or --in-memory", error.Message);
    }
}
