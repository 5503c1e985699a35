using BatchPredict.Core.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MongoDB.Driver;

namespace BatchPredict.Core.Tests.Models;

/// <summary>Registry tests share their class's database; each test uses its own model names.</summary>
public abstract class RegistryTestBase(EmbeddedMongoFixture mongo) : IClassFixture<EmbeddedMongoFixture>
{
    protected IMongoDatabase Database { get; } = mongo.Database;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero));

    protected ModelRegistryOptions Limits { get; } = new();

    private protected MongoModelRegistry NewRegistry() =>
        new(new ModelRegistryCollections(Database), Options.Create(Limits), Time, NullLogger<MongoModelRegistry>.Instance);

    private protected ModelCache NewCache(MongoModelRegistry registry) =>
        new(registry, Options.Create(Limits), NullLogger<ModelCache>.Instance);

    protected static Task<ModelVersionInfo> PushAsync(IModelRegistry registry, byte[] bytes, string name = "flight-delay", string? alias = null) =>
        registry.PushAsync(new MemoryStream(bytes), new ModelPushRequest(name, Alias: alias));
}
