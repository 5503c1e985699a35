using BatchPredict.Core.Models;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Core.Tests.Models;

public sealed class TamperedModelTests(EmbeddedMongoFixture mongo) : RegistryTestBase(mongo)
{
    [Fact]
    public async Task GetAsync_ChunkTamperedAfterLoad_CacheServesVerifiedModelAndNewLoadIsRefused()
    {
        var registry = NewRegistry();
        var version = await PushAsync(registry, TestModels.FlightDelayBytes, "tampered", alias: "production");
        var cache = NewCache(registry);
        var verified = await cache.GetAsync(version);

        await FlipByteInFirstChunkAsync(version.GridFsId);
        var stillServed = await cache.GetAsync(version);
        var freshCache = await Assert.ThrowsAsync<BatchPredictException>(() => NewCache(registry).GetAsync(version).AsTask());
        var pull = await Assert.ThrowsAsync<BatchPredictException>(() => registry.DownloadAsync(version, new MemoryStream()));

        Assert.Same(verified, stillServed);
        Assert.Contains("tampered version 1", freshCache.Message, StringComparison.Ordinal);
        Assert.Contains(version.Sha256, freshCache.Message, StringComparison.Ordinal);
        Assert.Contains("failed its integrity check", pull.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_AliasMovedByPromote_NextResolveLoadsTheNewVersion()
    {
        var registry = NewRegistry();
        await PushAsync(registry, TestModels.FlightDelayBytes, "moving", alias: "production");
        await PushAsync(registry, TestModels.WithEntry(TestModels.FlightDelayBytes, "Notes.txt", [2]), "moving");
        var cache = NewCache(registry);
        var before = await cache.GetAsync(await registry.ResolveAsync(ModelReference.Parse("moving")));

        await registry.PromoteAsync("moving", 2, "production");
        var after = await cache.GetAsync(await registry.ResolveAsync(ModelReference.Parse("moving")));

        Assert.Equal(1, before.Info.Version);
        Assert.Equal(2, after.Info.Version);
    }

    private async Task FlipByteInFirstChunkAsync(ObjectId fileId)
    {
        var chunks = Database.GetCollection<BsonDocument>("bp_models.chunks");
        var filter = new BsonDocument { ["files_id"] = fileId, ["n"] = 0 };
        var chunk = await chunks.Find(filter).SingleAsync();
        var data = chunk["data"].AsBsonBinaryData.Bytes.ToArray();
        data[data.Length / 2] ^= 0xFF;
        await chunks.UpdateOneAsync(filter, new BsonDocument("$set", new BsonDocument("data", new BsonBinaryData(data))));
    }
}
