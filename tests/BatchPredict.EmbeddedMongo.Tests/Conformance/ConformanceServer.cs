using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>
/// The embedded server (in memory, on a free loopback port) that a conformance run talks to, the client that loads and
/// reads back the test data, and the clients of the spec files' client entities, shared by equal URI options.
/// </summary>
internal sealed class ConformanceServer : IAsyncDisposable
{
    // Without it a hung server would stall a run for the driver's default 30 s per operation.
    private static readonly TimeSpan ServerSelectionTimeout = TimeSpan.FromSeconds(5);

    private readonly EmbeddedMongoServer _server;
    private readonly Dictionary<string, MongoClient> _clients = new(StringComparer.Ordinal);

    private ConformanceServer(EmbeddedMongoServer server, MongoClient setupClient, Version version)
    {
        _server = server;
        SetupClient = setupClient;
        Version = version;
    }

    public IMongoClient SetupClient { get; }

    /// <summary>The version the server reports in buildInfo; runOnRequirements are judged against it.</summary>
    public Version Version { get; }

    public static async Task<ConformanceServer> StartAsync(CancellationToken ct = default)
    {
        var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions(), ct: ct);
        var client = new MongoClient(Settings(server.ConnectionString));
        var buildInfo = await client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("buildInfo", 1), cancellationToken: ct);
        var versionText = buildInfo["version"].AsString.Split('-')[0];
        return new ConformanceServer(server, client, Version.Parse(versionText));
    }

    /// <summary>A client with the spec file's <c>uriOptions</c> (for example <c>retryWrites</c>, <c>w</c>, <c>readConcernLevel</c>).</summary>
    public IMongoClient Client(BsonDocument? uriOptions)
    {
        var query = uriOptions is null || uriOptions.ElementCount == 0
            ? string.Empty
            : "?" + string.Join('&', uriOptions.Select(option => $"{option.Name}={UriValue(option.Value)}"));
        if (!_clients.TryGetValue(query, out var client))
        {
            client = new MongoClient(Settings(_server.ConnectionString + query));
            _clients.Add(query, client);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        ((MongoClient)SetupClient).Dispose();
        await _server.DisposeAsync();
    }

    private static MongoClientSettings Settings(string connectionString)
    {
        var settings = MongoClientSettings.FromConnectionString(connectionString);
        settings.ServerSelectionTimeout = ServerSelectionTimeout;
        return settings;
    }

    private static string UriValue(BsonValue value) =>
        value.BsonType == BsonType.Boolean ? (value.AsBoolean ? "true" : "false") : Uri.EscapeDataString(value.ToString()!);
}
