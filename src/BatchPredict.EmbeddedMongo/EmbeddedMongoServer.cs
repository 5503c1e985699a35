using System.Net;
using BatchPredict.EmbeddedMongo.Commands;
using BatchPredict.EmbeddedMongo.Storage;
using BatchPredict.EmbeddedMongo.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BatchPredict.EmbeddedMongo;

/// <summary>
/// A MongoDB-compatible server (wire protocol, MongoDB 6.0 command set) running inside this process on a loopback port.
/// In memory, or durable in <see cref="EmbeddedMongoOptions.DataPath"/> (journal + snapshots).
/// </summary>
public sealed class EmbeddedMongoServer : IAsyncDisposable
{
    private readonly StorageEngine _engine;
    private readonly WireListener _listener;
    private readonly ServerState _state;
    private readonly FileStream? _dataLock;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _maintenance;
    private readonly ILogger _logger;
    private int _stopped;

    private EmbeddedMongoServer(EmbeddedMongoOptions options, StorageEngine engine, FileStream? dataLock, ILogger logger)
    {
        _engine = engine;
        _dataLock = dataLock;
        _logger = logger;
        _state = new ServerState(engine, TimeProvider.System, logger);
        _listener = new WireListener(IPAddress.Parse(options.BindAddress), options.Port, new CommandDispatcher(_state), logger);
        _listener.Start();
        _maintenance = MaintainAsync(options.TtlMonitorInterval);
    }

    public int Port => _listener.Port;

    public string ConnectionString => $"mongodb://127.0.0.1:{Port}/";

    public static async Task<EmbeddedMongoServer> StartAsync(EmbeddedMongoOptions options, ILoggerFactory? loggerFactory = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.TryParse(options.BindAddress, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"The embedded MongoDB server binds only to a loopback address (it has no authentication), not '{options.BindAddress}'.", nameof(options));
        }

        if (options.TtlMonitorInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("TtlMonitorInterval must be positive.", nameof(options));
        }

        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<EmbeddedMongoServer>();
        FileStream? dataLock = null;
        StorageEngine engine;
        if (options.DataPath is { } path)
        {
            Directory.CreateDirectory(path);
            try
            {
                dataLock = new FileStream(Path.Combine(path, "mongod.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e)
            {
                throw new IOException($"The data folder {path} is in use by another embedded MongoDB server ({e.Message}).", e);
            }

            engine = await Task.Run(() => StorageEngine.Open(path), ct);
        }
        else
        {
            engine = StorageEngine.InMemory();
        }

        var server = new EmbeddedMongoServer(options, engine, dataLock, logger);
        Log.Started(logger, server.ConnectionString, options.DataPath ?? "in memory");
        return server;
    }

    /// <summary>Stops listening, closes connections and writes out the journal.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _maintenance;
        await _listener.DisposeAsync();
        await _engine.DisposeAsync();
        _dataLock?.Dispose();
        _stopping.Dispose();
        Log.Stopped(_logger);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task MaintainAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                try
                {
                    var (ticket, removed) = TtlMonitor.RunOnce(_engine, _state.Now);
                    await _engine.WaitDurableAsync(ticket);
                    removed.ForEach(r => Log.TtlRemoved(_logger, r.Count, r.Namespace));
                    _state.Cursors.CloseIdle();
                }
                catch (IOException e)
                {
                    Log.MaintenanceFailed(_logger, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
