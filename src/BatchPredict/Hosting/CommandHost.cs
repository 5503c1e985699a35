using BatchPredict.Core.Models;
using BatchPredict.Core.Runs;
using BatchPredict.Core.Storage;

namespace BatchPredict.Hosting;

/// <summary>
/// The services of a one-shot command (jobs run, runs list ...): configuration, MongoDB (configured or embedded),
/// the model registry and runs, without Hangfire servers. Logs go to the console at Warning and above only, so they do
/// not tear the progress bar.
/// </summary>
internal sealed class CommandHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly MongoEndpoint _mongo;

    private CommandHost(IHost host, MongoEndpoint mongo)
    {
        _host = host;
        _mongo = mongo;
    }

    public IServiceProvider Services => _host.Services;

    public bool IsEmbedded => _mongo.IsEmbedded;

    public static async Task<CommandHost> StartAsync(CancellationToken ct)
    {
        var environment = AppConfiguration.EnvironmentName();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddBatchPredictSources(environment, []);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:BatchPredict"] = "Warning" });
        var mongo = await MongoEndpoint.ResolveAsync(builder.Configuration, Console.Error, ct);
        try
        {
            builder.AddBatchPredictMongo(mongo.ConnectionString);
            builder.AddModelRegistry();
            builder.AddBatchPredictRuns();
            var host = builder.Build();
            await host.StartAsync(ct);
            return new CommandHost(host, mongo);
        }
        catch
        {
            await mongo.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        await _mongo.DisposeAsync();
    }
}
