using BatchPredict.EmbeddedMongo.Update;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>findAndModify: the first match in sort order is updated (or removed) atomically, upsert when none matches.</summary>
internal static class FindAndModifyCommand
{
    public static void Register(CommandDispatcher dispatcher)
    {
        dispatcher.Add("findAndModify", FindAndModify);
        dispatcher.Add("findandmodify", FindAndModify);
    }

    private static BsonDocument FindAndModify(CommandContext context)
    {
        Unsupported.Reject(context.Body, "collation");
        var remove = context.OptionalBool("remove", false);
        var returnNew = context.OptionalBool("new", false);
        var upsert = context.OptionalBool("upsert", false);
        var update = context.Body.GetValue("update", BsonNull.Value);
        if (remove && !update.IsBsonNull)
        {
            throw MongoCommandError.FailedToParse("Cannot specify both an update and remove=true");
        }

        if (!remove && update.IsBsonNull)
        {
            throw MongoCommandError.FailedToParse("Either an update or remove=true must be specified");
        }

        if (remove && (returnNew || upsert))
        {
            throw MongoCommandError.FailedToParse("Cannot specify both new=true or upsert=true and remove=true; 'remove' always returns the deleted document");
        }

        var filter = context.OptionalDocument("query") ?? [];
        var query = QuerySpec.For(filter, context.OptionalDocument("sort"), context);
        var fields = context.OptionalDocument("fields");
        var projection = fields is { ElementCount: > 0 } ? Query.Projection.Compile(fields) : null;
        var arrayFilters = context.Body.TryGetValue("arrayFilters", out var af) && af is BsonArray a ? a : null;
        var plan = remove ? null : UpdatePlan.Compile(update, arrayFilters);
        return context.Write(() =>
        {
            var store = upsert
                ? context.Engine.GetOrCreate(context.Database, context.Collection)
                : context.Engine.Find(context.Database, context.Collection);
            BsonValue value = BsonNull.Value;
            var lastError = new BsonDocument("n", 0);
            if (store is not null)
            {
                QuerySpec.CheckHint(store, context.Body);
                var now = context.Server.Now;
                var targets = DocumentWrites.Targets(store, query, multi: false);
                if (targets.Count == 1)
                {
                    var (record, document, position) = targets[0];
                    var result = document;
                    if (plan is null)
                    {
                        context.Engine.Delete(store, record, document);
                    }
                    else
                    {
                        DocumentWrites.Apply(context.Engine, store, record, document, plan, position, now, out var updated);
                        result = returnNew ? updated : document;
                        lastError["updatedExisting"] = true;
                    }

                    lastError["n"] = 1;
                    value = projection is null ? result : projection.Apply(result);
                }
                else if (plan is not null)
                {
                    lastError["updatedExisting"] = false;
                    if (upsert)
                    {
                        var inserted = DocumentWrites.Upsert(filter, plan, now);
                        var id = DocumentWrites.InsertDocument(context.Engine, store, inserted);
                        lastError["n"] = 1;
                        lastError["upserted"] = id;
                        value = returnNew ? (projection is null ? inserted : projection.Apply(inserted)) : BsonNull.Value;
                    }
                }
            }

            return new BsonDocument { { "lastErrorObject", lastError }, { "value", value } };
        });
    }
}
