using BatchPredict.Core.Models;
using BatchPredict.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BatchPredict.Core.Tests.Models;

public sealed class ModelRegistryServiceCollectionExtensionsTests
{
    // The client connects lazily: nothing listens on this port and nothing needs to.
    private const string UnusedServer = "mongodb://127.0.0.1:1/";

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddBatchPredictMongo(UnusedServer);
        builder.AddModelRegistry();
        return builder.Build();
    }

    [Fact]
    public void AddModelRegistry_Configured_ResolvesRegistryCacheAndBoundOptions()
    {
        using var host = Build(new() { ["BatchPredict:Models:MaxZipEntries"] = "500" });

        Assert.IsType<MongoModelRegistry>(host.Services.GetRequiredService<IModelRegistry>());
        Assert.IsType<ModelCache>(host.Services.GetRequiredService<IModelCache>());
        Assert.Equal(500, host.Services.GetRequiredService<IOptions<ModelRegistryOptions>>().Value.MaxZipEntries);
        Assert.Equal(512L * 1024 * 1024, host.Services.GetRequiredService<IOptions<ModelRegistryOptions>>().Value.CacheMaxBytes);
    }

    [Fact]
    public async Task AddModelRegistry_ZeroCacheSize_FailsOnStart()
    {
        using var host = Build(new() { ["BatchPredict:Models:CacheMaxBytes"] = "0" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("CacheMaxBytes", error.Message, StringComparison.Ordinal);
    }
}
