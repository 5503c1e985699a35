using BatchPredict.EmbeddedMongo.Storage;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>createIndexes, listIndexes, dropIndexes.</summary>
internal static class IndexCommands
{
    public static void Register(CommandDispatcher dispatcher)
    {
        dispatcher.Add("createIndexes", CreateIndexes);
        dispatcher.Add("listIndexes", ListIndexes);
        dispatcher.Add("dropIndexes", DropIndexes);
        dispatcher.Add("deleteIndexes", DropIndexes);
    }

    private static BsonDocument CreateIndexes(CommandContext context)
    {
        if (!context.Body.TryGetValue("indexes", out var value) || value is not BsonArray specs || specs.Count == 0)
        {
            throw MongoCommandError.FailedToParse("createIndexes needs a non-empty 'indexes' array");
        }

        var definitions = specs.Select(s => IndexDefinition.Parse(s as BsonDocument ?? throw MongoCommandError.TypeMismatch("each index must be an object"))).ToList();
        return context.Write(() =>
        {
            var created = context.Engine.Find(context.Database, context.Collection) is null;
            var store = context.Engine.GetOrCreate(context.Database, context.Collection);
            var before = store.Indexes.Count;
            for (var i = 0; i < definitions.Count; i++)
            {
                if (!IsNew(store, definitions[i]))
                {
                    continue;
                }

                context.Engine.CreateIndex(store, (BsonDocument)specs[i]);
            }

            var reply = new BsonDocument
            {
                { "numIndexesBefore", before },
                { "numIndexesAfter", store.Indexes.Count },
                { "createdCollectionAutomatically", created },
            };
            if (before == store.Indexes.Count)
            {
                reply["note"] = "all indexes already exist";
            }

            return reply;
        });
    }

    /// <summary>False when an identical index exists; an error when one conflicts by name or by key.</summary>
    private static bool IsNew(CollectionStore store, IndexDefinition definition)
    {
        foreach (var existing in store.Indexes.Select(i => i.Definition))
        {
            if (existing.Name == definition.Name)
            {
                if (existing.SameAs(definition))
                {
                    return false;
                }

                throw existing.Key.Equals(definition.Key)
                    ? new MongoCommandError(ErrorCodes.IndexOptionsConflict, "IndexOptionsConflict",
                        $"An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: {definition.Spec}, existing index: {existing.Spec}")
                    : new MongoCommandError(ErrorCodes.IndexKeySpecsConflict, "IndexKeySpecsConflict",
                        $"An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: {definition.Spec}, existing index: {existing.Spec}");
            }

            if (existing.Key.Equals(definition.Key))
            {
                if (existing.SameAs(definition) && existing.IsId)
                {
                    return false;
                }

                throw new MongoCommandError(ErrorCodes.IndexOptionsConflict, "IndexOptionsConflict",
                    $"Index already exists with a different name: {existing.Name}");
            }
        }

        return true;
    }

    private static BsonDocument ListIndexes(CommandContext context) => context.Read(() =>
    {
        var store = AdminCommands.Existing(context, $"ns does not exist: {context.Namespace}");
        return CursorReply.First(context.Namespace, 0, new BsonArray(store.Indexes.Select(i => i.Definition.Spec.DeepClone())));
    });

    private static BsonDocument DropIndexes(CommandContext context) => context.Write(() =>
    {
        var store = AdminCommands.Existing(context, $"ns not found {context.Namespace}");
        var before = store.Indexes.Count;
        var target = context.Body.GetValue("index", BsonNull.Value);
        var victims = target switch
        {
            BsonString { Value: "*" } => store.Indexes.Skip(1).ToList(),
            BsonString name => [Named(store, name.Value)],
            BsonArray names => names.Select(n => Named(store, n.AsString)).ToList(),
            BsonDocument key => [store.Indexes.FirstOrDefault(i => i.Definition.Key.Equals(key))
                ?? throw IndexNotFound($"can't find index with key: {key}")],
            _ => throw MongoCommandError.TypeMismatch("'index' must be a name, an array of names, a key pattern or \"*\""),
        };
        if (victims.Any(v => v.Definition.IsId))
        {
            throw MongoCommandError.InvalidOptions("cannot drop _id index");
        }

        victims.ForEach(v => context.Engine.DropIndex(store, v));
        return new BsonDocument("nIndexesWas", before);
    });

    private static CollectionIndex Named(CollectionStore store, string name) =>
        store.Indexes.FirstOrDefault(i => i.Definition.Name == name) ?? throw IndexNotFound($"index not found with name [{name}]");

    private static MongoCommandError IndexNotFound(string message) => new(27, "IndexNotFound", message);
}
