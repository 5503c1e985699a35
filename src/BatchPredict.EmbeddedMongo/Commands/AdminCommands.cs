using BatchPredict.EmbeddedMongo.Query;
using BatchPredict.EmbeddedMongo.Storage;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>listDatabases, dropDatabase, dbStats, collStats: sizes are the stored BSON bytes.</summary>
internal static class AdminCommands
{
    public static void Register(CommandDispatcher dispatcher)
    {
        dispatcher.Add("listDatabases", ListDatabases);
        dispatcher.Add("dropDatabase", c =>
        {
            c.Write(() =>
            {
                c.Engine.DropDatabase(c.Database);
                return 0;
            });
            return new BsonDocument("dropped", c.Database);
        });
        dispatcher.Add("dbStats", DbStats);
        dispatcher.Add("collStats", CollStats);
    }

    private static BsonDocument ListDatabases(CommandContext context)
    {
        var filter = Filter.Compile(context.OptionalDocument("filter") ?? [], context.FilterContext);
        var nameOnly = context.OptionalBool("nameOnly", false);
        var databases = context.Read(() => context.Engine.DatabaseNames.Select(name =>
        {
            var size = context.Engine.Collections(name).Sum(c => c.DataSize);
            return nameOnly
                ? new BsonDocument("name", name)
                : new BsonDocument { { "name", name }, { "sizeOnDisk", size }, { "empty", size == 0 } };
        }).ToList());
        var selected = new BsonArray(databases.Where(filter.Matches));
        var reply = new BsonDocument("databases", selected);
        if (!nameOnly)
        {
            reply["totalSize"] = selected.Sum(d => d["sizeOnDisk"].ToInt64());
        }

        return reply;
    }

    private static BsonDocument DbStats(CommandContext context) => context.Read(() =>
    {
        var collections = context.Engine.Collections(context.Database).ToList();
        long objects = collections.Sum(c => (long)c.Count), size = collections.Sum(c => c.DataSize);
        return new BsonDocument
        {
            { "db", context.Database },
            { "collections", collections.Count },
            { "views", 0 },
            { "objects", objects },
            { "avgObjSize", objects == 0 ? 0.0 : (double)size / objects },
            { "dataSize", (double)size },
            { "storageSize", (double)size },
            { "indexes", collections.Sum(c => c.Indexes.Count) },
            { "indexSize", 0.0 },
            { "totalSize", (double)size },
            { "scaleFactor", 1 },
        };
    });

    private static BsonDocument CollStats(CommandContext context) => context.Read(() =>
    {
        var store = context.Engine.Find(context.Database, context.Collection)
            ?? throw new MongoCommandError(ErrorCodes.NamespaceNotFound, "NamespaceNotFound", $"Collection [{context.Namespace}] not found.");
        var reply = new BsonDocument
        {
            { "ns", store.Namespace },
            { "count", store.Count },
            { "size", store.DataSize },
            { "avgObjSize", store.Count == 0 ? 0 : store.DataSize / store.Count },
            { "storageSize", store.DataSize },
            { "nindexes", store.Indexes.Count },
            { "totalIndexSize", 0 },
            { "indexSizes", new BsonDocument(store.Indexes.Select(i => new BsonElement(i.Definition.Name, 0))) },
            { "capped", store.Capped },
        };
        if (store.Capped)
        {
            reply["max"] = store.Options.GetValue("max", 0);
            reply["maxSize"] = store.Options.GetValue("size", 0);
        }

        return reply;
    });

    /// <summary>The error MongoDB gives for a command on a collection that does not exist.</summary>
    public static MongoCommandError NamespaceNotFound(string message) => new(ErrorCodes.NamespaceNotFound, "NamespaceNotFound", message);

    public static CollectionStore Existing(CommandContext context, string message) =>
        context.Engine.Find(context.Database, context.Collection) ?? throw NamespaceNotFound(message);
}
