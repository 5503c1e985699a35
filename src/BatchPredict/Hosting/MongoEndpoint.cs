using BatchPredict.EmbeddedMongo;
using Microsoft.Extensions.Configuration;

namespace BatchPredict.Hosting;

/// <summary>
/// The MongoDB a command talks to: <c>ConnectionStrings:Mongo</c> when it is set; otherwise the embedded server, started
/// here in-process on a free loopback port with its data in <c>BatchPredict:EmbeddedMongo:DataPath</c>
/// (default: &lt;LocalApplicationData&gt;/batchpredict/mongo). Disposing stops the embedded server (journal flushed).
/// </summary>
internal sealed class MongoEndpoint : IAsyncDisposable
{
    public const string ConnectionStringKey = "ConnectionStrings:Mongo";
    public const string DataPathKey = "BatchPredict:EmbeddedMongo:DataPath";

    private readonly EmbeddedMongoServer? _server;

    private MongoEndpoint(string connectionString, EmbeddedMongoServer? server, string? dataPath)
    {
        ConnectionString = connectionString;
        _server = server;
        DataPath = dataPath;
    }

    public string ConnectionString { get; }

    public bool IsEmbedded => _server is not null;

    public string? DataPath { get; }

    public static string DefaultDataPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "batchpredict", "mongo");

    public static async Task<MongoEndpoint> ResolveAsync(IConfiguration configuration, TextWriter notices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(notices);
        var configured = configuration[ConnectionStringKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new MongoEndpoint(configured, null, null);
        }

        var dataPath = configuration[DataPathKey];
        dataPath = string.IsNullOrWhiteSpace(dataPath) ? DefaultDataPath : Path.GetFullPath(dataPath);
        var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { DataPath = dataPath }, ct: ct);
        await notices.WriteLineAsync($"No {ConnectionStringKey} configured: using the embedded MongoDB server at {server.ConnectionString} with data in {dataPath}");
        return new MongoEndpoint(server.ConnectionString, server, dataPath);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
