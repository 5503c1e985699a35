using BatchPredict.Hosting;
using Microsoft.Extensions.Configuration;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Tests.Hosting;

public sealed class MongoEndpointTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "bp-endpoint-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_path))
        {
            Directory.Delete(_path, recursive: true);
        }
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Fact]
    public async Task ResolveAsync_ConnectionStringSet_UsesItWithoutEmbeddedServer()
    {
        var notices = new StringWriter();

        await using var endpoint = await MongoEndpoint.ResolveAsync(Configuration(("ConnectionStrings:Mongo", "mongodb://db.example:27017/")), notices, CancellationToken.None);

        Assert.Equal("mongodb://db.example:27017/", endpoint.ConnectionString);
        Assert.False(endpoint.IsEmbedded);
        Assert.Null(endpoint.DataPath);
        Assert.Equal("", notices.ToString());
    }

    [Fact]
    public async Task ResolveAsync_NoConnectionString_StartsEmbeddedServerInDataPath()
    {
        var notices = new StringWriter();

        await using (var endpoint = await MongoEndpoint.ResolveAsync(
            Configuration(("ConnectionStrings:Mongo", ""), ("BatchPredict:EmbeddedMongo:DataPath", _path)), notices, CancellationToken.None))
        {
            using var client = new MongoClient(endpoint.ConnectionString);
            await client.GetDatabase("endpoint").GetCollection<BsonDocument>("c").InsertOneAsync(new BsonDocument("_id", 1));

            Assert.True(endpoint.IsEmbedded);
            Assert.Equal(_path, endpoint.DataPath);
            Assert.StartsWith("mongodb://127.0.0.1:", endpoint.ConnectionString);
            Assert.Contains(_path, notices.ToString());
        }

        Assert.NotEmpty(Directory.GetFiles(_path, "journal-*.log"));
    }
}
