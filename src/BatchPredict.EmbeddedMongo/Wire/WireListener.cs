using System.Net;
using System.Net.Sockets;
using BatchPredict.EmbeddedMongo.Commands;
using Microsoft.Extensions.Logging;

namespace BatchPredict.EmbeddedMongo.Wire;

/// <summary>Accepts connections on the loopback port and runs each one on its own task until the server stops.</summary>
internal sealed class WireListener : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CommandDispatcher _dispatcher;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<int, Task> _connections = [];
    private Task _acceptLoop = Task.CompletedTask;
    private int _nextConnectionId;

    public WireListener(IPAddress address, int port, CommandDispatcher dispatcher, ILogger logger)
    {
        _listener = new TcpListener(address, port);
        _dispatcher = dispatcher;
        _logger = logger;
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Start()
    {
        _listener.Start(512);
        _acceptLoop = AcceptLoopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        Task[] running;
        lock (_connections)
        {
            running = [.. _connections.Values];
        }

        await Task.WhenAll(running);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var id = Interlocked.Increment(ref _nextConnectionId);
            var connection = new Connection(socket, _dispatcher, id, _logger);
            lock (_connections)
            {
                _connections[id] = Task.Run(async () =>
                {
                    try
                    {
                        await connection.RunAsync(_stop.Token);
                    }
                    finally
                    {
                        lock (_connections)
                        {
                            _connections.Remove(id);
                        }
                    }
                });
            }
        }
    }
}
