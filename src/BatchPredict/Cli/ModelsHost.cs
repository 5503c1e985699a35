using BatchPredict.Core.Models;
using BatchPredict.Core.Storage;
using BatchPredict.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace BatchPredict.Cli;

/// <summary>
/// The host behind one <c>models</c> command: configuration, MongoDB (configured or embedded) and the registry.
/// Logs go to standard error at Warning and above so that standard output holds only the command's answer.
/// </summary>
internal sealed class ModelsHost : IAsyncDisposable
{
    private readonly MongoEndpoint _mongo;
    private readonly IHost _host;

    private ModelsHost(MongoEndpoint mongo, IHost host)
    {
        _mongo = mongo;
        _host = host;
    }

    public IModelRegistry Registry => _host.Services.GetRequiredService<IModelRegistry>();

    /// <param name="configure">Extra configuration sources added last (tests point the command at their own server).</param>
    public static async Task<ModelsHost> StartAsync(Action<IConfigurationBuilder>? configure, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddBatchPredictSources(AppConfiguration.EnvironmentName(), []);
        configure?.Invoke(builder.Configuration);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var mongo = await MongoEndpoint.ResolveAsync(builder.Configuration, Console.Error, ct);
        try
        {
            builder.AddBatchPredictMongo(mongo.ConnectionString);
            builder.AddModelRegistry();
            var host = builder.Build();
            await host.StartAsync(ct);
            return new ModelsHost(mongo, host);
        }
        catch
        {
            await mongo.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _mongo.DisposeAsync();
    }
}
