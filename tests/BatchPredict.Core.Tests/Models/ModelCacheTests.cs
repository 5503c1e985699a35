using BatchPredict.Core.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BatchPredict.Core.Tests.Models;

public sealed class ModelCacheTests
{
    private static ModelCache NewCache(FakeContentReader reader, long cacheMaxBytes = 512L * 1024 * 1024) =>
        new(reader, Options.Create(new ModelRegistryOptions { CacheMaxBytes = cacheMaxBytes }), NullLogger<ModelCache>.Instance);

    [Fact]
    public async Task GetAsync_ConcurrentRequestsForOneVersion_LoadsOnce()
    {
        var bytes = TestModels.FlightDelayBytes;
        var reader = new FakeContentReader(held: true);
        reader.Store("flight-delay", 1, bytes);
        var cache = NewCache(reader);
        var info = TestModels.InfoFor(bytes);

        var requests = Enumerable.Range(0, 32).Select(_ => Task.Run(() => cache.GetAsync(info).AsTask())).ToArray();
        while (reader.Reads("flight-delay", 1) == 0)
        {
            await Task.Delay(10);
        }

        reader.Release();
        var models = await Task.WhenAll(requests);

        Assert.Equal(1, reader.Reads("flight-delay", 1));
        Assert.All(models, m => Assert.Same(models[0], m));
        Assert.Equal(info, models[0].Info);
    }

    [Fact]
    public async Task GetAsync_OverByteBudget_EvictsLeastRecentlyUsed()
    {
        var bytes = TestModels.FlightDelayBytes;
        var reader = new FakeContentReader();
        var (_, size) = ModelLoader.Load(TestModels.InfoFor(bytes), bytes, TestModels.DefaultLimits);
        var a = TestModels.InfoFor(bytes, "a");
        var b = TestModels.InfoFor(bytes, "b");
        var c = TestModels.InfoFor(bytes, "c");
        foreach (var name in new[] { "a", "b", "c" })
        {
            reader.Store(name, 1, bytes);
        }

        var cache = NewCache(reader, cacheMaxBytes: (2 * size) + 1);

        await cache.GetAsync(a);
        await cache.GetAsync(b);
        await cache.GetAsync(a);
        await cache.GetAsync(c);
        await cache.GetAsync(a);
        await cache.GetAsync(b);

        Assert.Equal(1, reader.Reads("a", 1));
        Assert.Equal(2, reader.Reads("b", 1));
        Assert.Equal(1, reader.Reads("c", 1));
        Assert.True(cache.CachedBytes <= (2 * size) + 1);
    }

    [Fact]
    public async Task GetAsync_TamperedBytes_RefusedAndRetriedOnNextRequest()
    {
        var bytes = TestModels.FlightDelayBytes;
        var tampered = (byte[])bytes.Clone();
        tampered[100] ^= 0x01;
        var reader = new FakeContentReader();
        reader.Store("flight-delay", 3, tampered);
        var cache = NewCache(reader);
        var info = TestModels.InfoFor(bytes, "flight-delay", 3);

        var error = await Assert.ThrowsAsync<BatchPredictException>(() => cache.GetAsync(info).AsTask());
        reader.Store("flight-delay", 3, bytes);
        var model = await cache.GetAsync(info);

        Assert.Contains("flight-delay version 3", error.Message, StringComparison.Ordinal);
        Assert.Contains(info.Sha256, error.Message, StringComparison.Ordinal);
        Assert.Same(info, model.Info);
        Assert.Equal(2, reader.Reads("flight-delay", 3));
    }

    [Fact]
    public async Task GetAsync_CallerCancels_OtherRequestStillGetsTheModel()
    {
        var bytes = TestModels.FlightDelayBytes;
        var reader = new FakeContentReader(held: true);
        reader.Store("flight-delay", 1, bytes);
        var cache = NewCache(reader);
        var info = TestModels.InfoFor(bytes);
        using var cancel = new CancellationTokenSource();

        var cancelled = cache.GetAsync(info, cancel.Token).AsTask();
        var patient = cache.GetAsync(info).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        reader.Release();
        var model = await patient;

        Assert.Same(info, model.Info);
        Assert.Equal(1, reader.Reads("flight-delay", 1));
    }
}
