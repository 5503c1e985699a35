using BatchPredict.EmbeddedMongo.Wire;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>
/// hello/isMaster, ping, buildInfo, getParameter, endSessions, serverStatus. The server presents itself as a MongoDB 6.0
/// standalone (wire version 17): drivers pick commands from that, and 6.0's command set is what is implemented.
/// </summary>
internal static class HandshakeCommands
{
    public const string Version = "6.0.0";
    public const int MaxWireVersion = 17;

    public static void Register(CommandDispatcher dispatcher)
    {
        dispatcher.Add("hello", c => Hello(c, legacy: false));
        dispatcher.Add("isMaster", c => Hello(c, legacy: true));
        dispatcher.Add("ismaster", c => Hello(c, legacy: true));
        dispatcher.Add("ping", _ => new BsonDocument());
        dispatcher.Add("buildInfo", BuildInfo);
        dispatcher.Add("buildinfo", BuildInfo);
        dispatcher.Add("getParameter", GetParameter);
        dispatcher.Add("endSessions", _ => new BsonDocument());
        dispatcher.Add("killSessions", _ => new BsonDocument());
        dispatcher.Add("whatsmyuri", c => new BsonDocument("you", $"127.0.0.1:{c.Connection.Id}"));
        dispatcher.Add("connectionStatus", _ => new BsonDocument("authInfo", new BsonDocument
        {
            { "authenticatedUsers", new BsonArray() }, { "authenticatedUserRoles", new BsonArray() },
        }));
        dispatcher.Add("serverStatus", ServerStatus);
        dispatcher.Add("hostInfo", c => new BsonDocument
        {
            { "system", new BsonDocument { { "currentTime", c.Server.Now }, { "hostname", "127.0.0.1" }, { "numCores", Environment.ProcessorCount } } },
            { "os", new BsonDocument { { "type", Environment.OSVersion.Platform.ToString() } } },
        });
    }

    private static BsonDocument Hello(CommandContext context, bool legacy)
    {
        var reply = new BsonDocument
        {
            { legacy ? "ismaster" : "isWritablePrimary", true },
            { "helloOk", true },
            { "maxBsonObjectSize", WireConstants.MaxBsonObjectSize },
            { "maxMessageSizeBytes", WireConstants.MaxMessageSizeBytes },
            { "maxWriteBatchSize", WireConstants.MaxWriteBatchSize },
            { "localTime", context.Server.Now },
            { "logicalSessionTimeoutMinutes", 30 },
            { "connectionId", context.Connection.Id },
            { "minWireVersion", 0 },
            { "maxWireVersion", MaxWireVersion },
            { "readOnly", false },
        };
        return reply;
    }

    private static BsonDocument BuildInfo(CommandContext context) => new()
    {
        { "version", Version },
        { "gitVersion", "embedded" },
        { "versionArray", new BsonArray { 6, 0, 0, 0 } },
        { "bits", 64 },
        { "debug", false },
        { "maxBsonObjectSize", WireConstants.MaxBsonObjectSize },
        { "storageEngines", new BsonArray { "embedded" } },
        { "modules", new BsonArray() },
        { "javascriptEngine", "none" },
    };

    private static BsonDocument GetParameter(CommandContext context)
    {
        var known = new BsonDocument
        {
            { "featureCompatibilityVersion", new BsonDocument("version", "6.0") },
            { "maxBSONDepth", 100 },
            { "internalQueryMaxBlockingSortMemoryUsageBytes", 100 * 1024 * 1024 },
            { "cursorTimeoutMillis", (long)CursorManager.IdleTimeout.TotalMilliseconds },
        };
        var reply = new BsonDocument();
        var all = context.Body[0].IsString && context.Body[0].AsString == "*";
        foreach (var element in known)
        {
            if (all || context.Body.Contains(element.Name))
            {
                reply[element.Name] = element.Value;
            }
        }

        if (reply.ElementCount == 0)
        {
            throw new MongoCommandError(ErrorCodes.InvalidOptions, "InvalidOptions", "no option found to get");
        }

        return reply;
    }

    private static BsonDocument ServerStatus(CommandContext context)
    {
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var now = context.Server.Now;
        return new BsonDocument
        {
            { "host", "127.0.0.1" },
            { "version", Version },
            { "process", "batchpredict-mongod" },
            { "pid", (long)Environment.ProcessId },
            { "uptime", (now - context.Server.StartedAt).TotalSeconds },
            { "uptimeMillis", (long)(now - context.Server.StartedAt).TotalMilliseconds },
            { "localTime", now },
            { "connections", new BsonDocument { { "current", 1 }, { "available", 1000 } } },
            { "mem", new BsonDocument { { "bits", 64 }, { "resident", process.WorkingSet64 >> 20 }, { "virtual", process.VirtualMemorySize64 >> 20 } } },
            { "storageEngine", new BsonDocument { { "name", "embedded" }, { "persistent", context.Engine.DataPath is not null } } },
        };
    }
}
