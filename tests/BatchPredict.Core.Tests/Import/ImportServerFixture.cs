using BatchPredict.EmbeddedMongo;
using MongoDB.Driver;

namespace BatchPredict.Core.Tests.Import;

/// <summary>The embedded server on a free loopback port with a fresh database, shared by the tests of one class.</summary>
public sealed class ImportServerFixture : IAsyncLifetime
{
    private EmbeddedMongoServer? _server;

    public IMongoDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        Database = new MongoClient(_server.ConnectionString).GetDatabase($"import_{Guid.NewGuid():N}");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
