using BatchPredict.EmbeddedMongo;
using MongoDB.Driver;

namespace BatchPredict.Core.Tests.Models;

/// <summary>One embedded server on a free loopback port and a fresh database for the test class that uses it.</summary>
public sealed class EmbeddedMongoFixture : IAsyncLifetime
{
    private EmbeddedMongoServer? _server;

    public IMongoDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        Database = new MongoClient(_server.ConnectionString).GetDatabase($"registry_{Guid.NewGuid():N}");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }
    }
}
