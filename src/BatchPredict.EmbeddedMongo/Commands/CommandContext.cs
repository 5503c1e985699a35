using BatchPredict.EmbeddedMongo.Query;
using BatchPredict.EmbeddedMongo.Storage;
using BatchPredict.EmbeddedMongo.Wire;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>One command being run: the request, the server, and the journal ticket its reply must wait for.</summary>
internal sealed class CommandContext(CommandRequest request, ServerState server, ConnectionState connection)
{
    public CommandRequest Request { get; } = request;

    public BsonDocument Body => Request.Body;

    public string Database => Request.Database;

    public ServerState Server { get; } = server;

    public StorageEngine Engine => Server.Engine;

    public ConnectionState Connection { get; } = connection;

    /// <summary>Journal position of this command's last change; the reply is sent once it is durable.</summary>
    public long Ticket { get; private set; }

    /// <summary>The collection named by the command's first field.</summary>
    public string Collection
    {
        get
        {
            var value = Body[0];
            return value.IsString && value.AsString.Length > 0
                ? value.AsString
                : throw new MongoCommandError(ErrorCodes.InvalidNamespace, "InvalidNamespace",
                    $"collection name has invalid type {value.BsonType}: {Request.Name} expects a collection name");
        }
    }

    public string Namespace => $"{Database}.{Collection}";

    public FilterContext FilterContext => new(Server.Now, Variables);

    /// <summary>The command's let variables, as $$name values.</summary>
    public IReadOnlyDictionary<string, BsonValue>? Variables =>
        Body.TryGetValue("let", out var let) && let is BsonDocument d ? d.ToDictionary(e => e.Name, e => e.Value) : null;

    public T Read<T>(Func<T> work)
    {
        Engine.Lock.EnterReadLock();
        try
        {
            return work();
        }
        finally
        {
            Engine.Lock.ExitReadLock();
        }
    }

    /// <summary>Runs changes under the write lock and records the journal ticket before the lock is released.</summary>
    public T Write<T>(Func<T> work)
    {
        Engine.Lock.EnterWriteLock();
        try
        {
            return work();
        }
        finally
        {
            Ticket = Engine.Ticket;
            Engine.Lock.ExitWriteLock();
        }
    }

    public BsonDocument? OptionalDocument(string field) => Body.TryGetValue(field, out var value) switch
    {
        false => null,
        true when value is BsonDocument d => d,
        true when value.IsBsonNull => null,
        _ => throw MongoCommandError.TypeMismatch($"'{field}' must be an object, not {value.BsonType}"),
    };

    public long OptionalInt64(string field, long fallback) => Body.TryGetValue(field, out var value) && !value.IsBsonNull
        ? (value.IsNumeric ? value.ToInt64() : throw MongoCommandError.TypeMismatch($"'{field}' must be a number, not {value.BsonType}"))
        : fallback;

    public bool OptionalBool(string field, bool fallback) => Body.TryGetValue(field, out var value) && !value.IsBsonNull ? value.ToBoolean() : fallback;
}
