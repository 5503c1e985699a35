using BatchPredict.EmbeddedMongo.Query;
using BatchPredict.EmbeddedMongo.Storage;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>create (including capped), drop, listCollections, renameCollection, convertToCapped.</summary>
internal static class CollectionCommands
{
    private static readonly HashSet<string> CreateOptions =
        ["create", "capped", "size", "max", "autoIndexId", "storageEngine", "indexOptionDefaults", "writeConcern", "comment"];

    public static void Register(CommandDispatcher dispatcher)
    {
        dispatcher.Add("create", Create);
        dispatcher.Add("drop", Drop);
        dispatcher.Add("listCollections", ListCollections);
        dispatcher.Add("renameCollection", Rename);
        dispatcher.Add("convertToCapped", ConvertToCapped);
    }

    private static BsonDocument Create(CommandContext context)
    {
        var options = new BsonDocument();
        foreach (var element in context.Body.Skip(1))
        {
            if (element.Name.StartsWith('$') || element.Name is "lsid" or "txnNumber" or "writeConcern" or "comment" or "apiVersion")
            {
                continue;
            }

            if (!CreateOptions.Contains(element.Name))
            {
                throw MongoCommandError.NotSupported($"the '{element.Name}' option of create (views, validation, time series and collations)");
            }

            options[element.Name] = element.Value;
        }

        if (options.GetValue("capped", false).ToBoolean())
        {
            if (!options.TryGetValue("size", out var size) || !size.IsNumeric || size.ToInt64() <= 0)
            {
                throw MongoCommandError.InvalidOptions("the 'size' field is required when 'capped' is true");
            }

            options["capped"] = true;
        }

        context.Write(() => context.Engine.Create(context.Database, context.Collection, options));
        return [];
    }

    private static BsonDocument Drop(CommandContext context) => context.Write(() =>
    {
        var store = AdminCommands.Existing(context, "ns not found");
        var indexes = store.Indexes.Count;
        context.Engine.Drop(store);
        return new BsonDocument { { "ns", context.Namespace }, { "nIndexesWas", indexes } };
    });

    private static BsonDocument ListCollections(CommandContext context)
    {
        var filter = Filter.Compile(context.OptionalDocument("filter") ?? [], context.FilterContext);
        var nameOnly = context.OptionalBool("nameOnly", false);
        var entries = context.Read(() => context.Engine.Collections(context.Database)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => nameOnly ? new BsonDocument { { "name", c.Name }, { "type", "collection" } } : Describe(c))
            .ToList());
        var batch = new BsonArray(entries.Where(filter.Matches));
        return CursorReply.First($"{context.Database}.$cmd.listCollections", 0, batch);
    }

    private static BsonDocument Describe(CollectionStore store) => new()
    {
        { "name", store.Name },
        { "type", "collection" },
        { "options", store.Options.DeepClone() },
        { "info", new BsonDocument("readOnly", false) },
        { "idIndex", store.IdIndex.Definition.Spec.DeepClone() },
    };

    private static BsonDocument Rename(CommandContext context)
    {
        var from = context.Body[0].AsString;
        var to = context.Body.GetValue("to", BsonNull.Value);
        if (!to.IsString)
        {
            throw MongoCommandError.TypeMismatch("'to' must be a namespace string");
        }

        var dropTarget = context.OptionalBool("dropTarget", false);
        var (fromDb, fromColl) = SplitNamespace(from);
        var (toDb, toColl) = SplitNamespace(to.AsString);
        context.Write(() =>
        {
            var store = context.Engine.Find(fromDb, fromColl)
                ?? throw AdminCommands.NamespaceNotFound($"Source collection {from} does not exist");
            if (context.Engine.Find(toDb, toColl) is not null && !dropTarget)
            {
                throw new MongoCommandError(ErrorCodes.NamespaceExists, "NamespaceExists", "target namespace exists");
            }

            context.Engine.Rename(store, toDb, toColl);
            return 0;
        });
        return [];
    }

    private static BsonDocument ConvertToCapped(CommandContext context)
    {
        var size = context.OptionalInt64("size", 0);
        if (size <= 0)
        {
            throw MongoCommandError.InvalidOptions("convertToCapped needs a positive 'size'");
        }

        context.Write(() =>
        {
            var store = AdminCommands.Existing(context, $"source collection {context.Namespace} does not exist");
            var options = store.Options.DeepClone().AsBsonDocument;
            options["capped"] = true;
            options["size"] = size;
            context.Engine.SetOptions(store, options);
            return 0;
        });
        return [];
    }

    public static (string Database, string Collection) SplitNamespace(string ns)
    {
        var dot = ns.IndexOf('.', StringComparison.Ordinal);
        return dot <= 0 || dot == ns.Length - 1
            ? throw new MongoCommandError(ErrorCodes.InvalidNamespace, "InvalidNamespace", $"Invalid namespace specified '{ns}'")
            : (ns[..dot], ns[(dot + 1)..]);
    }
}
