using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Server;

/// <summary>One in-memory embedded server per test class, on a free loopback port, with a fresh database.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private EmbeddedMongoServer? _server;

    public EmbeddedMongoServer Server => _server ?? throw new InvalidOperationException("not started");

    public MongoClient Client { get; private set; } = null!;

    public IMongoDatabase Database { get; private set; } = null!;

    public IMongoCollection<BsonDocument> Collection(string name) => Database.GetCollection<BsonDocument>(name);

    public async Task InitializeAsync()
    {
        _server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { TtlMonitorInterval = TimeSpan.FromMilliseconds(200) });
        Client = new MongoClient(_server.ConnectionString);
        Database = Client.GetDatabase("test_" + Guid.NewGuid().ToString("N")[..8]);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Runs a raw command and returns the reply, for asserting exact server answers.</summary>
    public Task<BsonDocument> CommandAsync(string json) => Database.RunCommandAsync<BsonDocument>(BsonDocument.Parse(json));
}
