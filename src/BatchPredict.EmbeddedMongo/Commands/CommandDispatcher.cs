using BatchPredict.EmbeddedMongo.Wire;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>
/// Finds the handler of a command by name, runs it, waits until its changes are durable, and turns errors into
/// MongoDB error replies. Unknown commands answer code 59 CommandNotFound as the real server does.
/// </summary>
internal sealed class CommandDispatcher
{
    private readonly Dictionary<string, Func<CommandContext, ValueTask<BsonDocument>>> _handlers = new(StringComparer.Ordinal);
    private readonly ServerState _server;

    public CommandDispatcher(ServerState server)
    {
        _server = server;
        HandshakeCommands.Register(this);
        AdminCommands.Register(this);
        CollectionCommands.Register(this);
        IndexCommands.Register(this);
        WriteCommands.Register(this);
        FindCommands.Register(this);
        FindAndModifyCommand.Register(this);
        AggregateCommand.Register(this);
    }

    public void Add(string name, Func<CommandContext, ValueTask<BsonDocument>> handler) => _handlers[name] = handler;

    public void Add(string name, Func<CommandContext, BsonDocument> handler) => _handlers[name] = c => ValueTask.FromResult(handler(c));

    public async ValueTask<BsonDocument> ExecuteAsync(CommandRequest request, ConnectionState connection)
    {
        var name = request.Name;
        try
        {
            if (!_handlers.TryGetValue(name, out var handler))
            {
                throw new MongoCommandError(ErrorCodes.CommandNotFound, "CommandNotFound", $"no such command: '{name}'");
            }

            if (request.Body.Contains("startTransaction") || request.Body.Contains("autocommit"))
            {
                throw new MongoCommandError(ErrorCodes.IllegalOperation, "IllegalOperation",
                    "Transactions are not supported by the embedded server (it is a standalone, not a replica set member)");
            }

            var context = new CommandContext(request, _server, connection);
            var retry = _server.Retries.Find(request.Body);
            if (retry is not null)
            {
                return retry;
            }

            var reply = await handler(context);
            if (context.Ticket > 0)
            {
                await _server.Engine.WaitDurableAsync(context.Ticket);
                _server.Engine.CompactIfLarge();
            }

            reply.Set("ok", 1.0);
            _server.Retries.Remember(request.Body, reply);
            return reply;
        }
        catch (MongoCommandError e)
        {
            return ErrorReply(e);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or ArgumentException or KeyNotFoundException or OverflowException)
        {
            // Malformed input that the parsers did not name (a wrong BSON type somewhere): the client's fault.
            return ErrorReply(new MongoCommandError(ErrorCodes.BadValue, "BadValue", $"{name}: {e.Message}"));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A server fault must not drop the connection: answer InternalError and log it.
            Log.CommandFailed(_server.Logger, e, name);
            return ErrorReply(new MongoCommandError(ErrorCodes.InternalError, "InternalError", $"{name} failed in the embedded server: {e.Message}"));
        }
    }

    public static BsonDocument ErrorReply(MongoCommandError error) =>
        AddDetails(new BsonDocument { { "ok", 0.0 }, { "errmsg", error.Message }, { "code", error.Code }, { "codeName", error.CodeName } }, error);

    /// <summary>One entry of writeErrors: the index of the failed write in its batch and the error.</summary>
    public static BsonDocument WriteError(int index, MongoCommandError error) =>
        AddDetails(new BsonDocument { { "index", index }, { "code", error.Code }, { "errmsg", error.Message } }, error);

    /// <summary>Details such as keyPattern/keyValue of a duplicate key, which drivers surface to the caller.</summary>
    private static BsonDocument AddDetails(BsonDocument reply, MongoCommandError error)
    {
        foreach (System.Collections.DictionaryEntry entry in error.Data)
        {
            if (entry.Key is string name && entry.Value is BsonValue value)
            {
                reply[name] = value;
            }
        }

        return reply;
    }
}
