using BatchPredict.EmbeddedMongo.Storage;
using Microsoft.Extensions.Logging;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>What every command can reach: storage, cursors, the clock and the server's own facts.</summary>
internal sealed class ServerState(StorageEngine engine, TimeProvider time, ILogger logger)
{
    public StorageEngine Engine { get; } = engine;

    public CursorManager Cursors { get; } = new(time);

    public RetryableWrites Retries { get; } = new();

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;

    public DateTime StartedAt { get; } = time.GetUtcNow().UtcDateTime;

    public DateTime Now => Time.GetUtcNow().UtcDateTime;
}

/// <summary>Per-connection facts a command may need (hello's connectionId).</summary>
internal sealed class ConnectionState(int id)
{
    public int Id { get; } = id;
}
