using BatchPredict.Core.Jobs;
using BatchPredict.Core.Storage;
using BatchPredict.Core.Tests.Jobs;
using BatchPredict.EmbeddedMongo;
using BatchPredict.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace BatchPredict.Tests.Serve;

/// <remarks>Serve hosts share Hangfire's static configuration, so their test classes do not run side by side.</remarks>
[Collection(ServeCollection.Name)]
public sealed class ServeConfigurationTests : IAsyncLifetime
{
    private EmbeddedMongoServer? _server;

    public async Task InitializeAsync() => _server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());

    public async Task DisposeAsync() => await _server!.DisposeAsync();

    [Fact]
    public async Task Start_InvalidJobFile_HostRefusesToStartAndNamesFileAndField()
    {
        var jobs = JobFiles.Folder(("good.json", JobFiles.DemoJobJson()), ("broken.json", JobFiles.DemoJobJson().Replace("\"partitions\": 2", "\"partitions\": 0", StringComparison.Ordinal)));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{MongoOptions.Section}:Database"] = "badjobs_" + Guid.NewGuid().ToString("N")[..12],
            ["BatchPredict:Jobs:Directory"] = jobs,
            ["Logging:LogLevel:Default"] = "None",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = ServeApp.Build(builder, _server!.ConnectionString);

        var error = await Assert.ThrowsAsync<JobConfigurationException>(() => app.StartAsync());

        var only = Assert.Single(error.Errors);
        Assert.EndsWith("broken.json", only.File, StringComparison.Ordinal);
        Assert.Equal("/partitions", only.Pointer);
    }
}
