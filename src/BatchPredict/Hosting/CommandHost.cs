using BatchPredict.Core.Storage;
using Microsoft.Extensions.Logging.Console;

namespace BatchPredict.Hosting;

/// <summary>
/// The host of a one-shot command (models, import, jobs, runs, demo): the configuration of every command, MongoDB
/// (configured or embedded) and the services the command adds, started (options validated) and without Hangfire
/// servers. Standard output holds only the command's answer: console logs go to standard error, Warning and above
/// only, which also keeps them from tearing progress bars.
/// </summary>
internal sealed class CommandHost : IAsyncDisposable
{
    private readonly IHost _host;

    private CommandHost(IHost host, MongoEndpoint mongo)
    {
        _host = host;
        Mongo = mongo;
    }

    public IServiceProvider Services => _host.Services;

    /// <summary>The MongoDB the services talk to; stopped (if embedded) when this host is disposed.</summary>
    public MongoEndpoint Mongo { get; }

    /// <param name="addServices">The command's area registrations (AddModelRegistry, AddBatchPredictRuns ...).</param>
    /// <param name="configure">Extra configuration sources added last (tests point the command at their own server).</param>
    public static async Task<CommandHost> StartAsync(Action<IHostApplicationBuilder> addServices, Action<IConfigurationBuilder>? configure, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(AppConfiguration.HostSettings());
        builder.AddBatchPredictConfiguration(configure);
        // A rule for the console provider wins over the configured category levels (Logging:LogLevel:Microsoft ...),
        // so no configured level brings Information lines into a command's output.
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var mongo = await MongoEndpoint.ResolveAsync(builder.Configuration, Console.Error, ct);
        IHost? host = null;
        try
        {
            builder.AddBatchPredictMongo(mongo.ConnectionString);
            addServices(builder);
            host = builder.Build();
            host.Services.ValidateOptionsBeforeStart();
            await host.StartAsync(ct);
            return new CommandHost(host, mongo);
        }
        catch
        {
            host?.Dispose();
            await mongo.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        await Mongo.DisposeAsync();
    }
}
