using BatchPredict.EmbeddedMongo.Query;
using BatchPredict.EmbeddedMongo.Update;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>
/// insert, update, delete: each statement of a batch in order; a failed statement becomes a writeErrors entry with its
/// index, and an ordered batch stops there while an unordered one goes on. The whole batch runs under one lock hold and
/// is acknowledged after one journal flush.
/// </summary>
internal static class WriteCommands
{
    public static void Register(CommandDispatcher dispatcher)
    {
        dispatcher.Add("insert", Insert);
        dispatcher.Add("update", Update);
        dispatcher.Add("delete", Delete);
    }

    private static BsonDocument Insert(CommandContext context)
    {
        var documents = context.Request.RawDocuments("documents");
        var ordered = context.OptionalBool("ordered", true);
        var errors = new BsonArray();
        var n = context.Write(() =>
        {
            var store = context.Engine.GetOrCreate(context.Database, context.Collection);
            var inserted = 0;
            for (var i = 0; i < documents.Count; i++)
            {
                try
                {
                    DocumentWrites.InsertRaw(context.Engine, store, documents[i]);
                    inserted++;
                }
                catch (MongoCommandError e)
                {
                    errors.Add(CommandDispatcher.WriteError(i, e));
                    if (ordered)
                    {
                        break;
                    }
                }
            }

            return inserted;
        });
        return WithErrors(new BsonDocument("n", n), errors);
    }

    private static BsonDocument Update(CommandContext context)
    {
        var statements = context.Request.Documents("updates");
        var ordered = context.OptionalBool("ordered", true);
        var errors = new BsonArray();
        var upserted = new BsonArray();
        long matched = 0, modified = 0;
        context.Write(() =>
        {
            for (var i = 0; i < statements.Count; i++)
            {
                try
                {
                    var (m, d, id) = UpdateOne(context, statements[i]);
                    matched += m;
                    modified += d;
                    if (id is not null)
                    {
                        upserted.Add(new BsonDocument { { "index", i }, { "_id", id } });
                    }
                }
                catch (MongoCommandError e)
                {
                    errors.Add(CommandDispatcher.WriteError(i, e));
                    if (ordered)
                    {
                        break;
                    }
                }
            }

            return 0;
        });
        var reply = new BsonDocument { { "n", matched + upserted.Count }, { "nModified", modified } };
        if (upserted.Count > 0)
        {
            reply["upserted"] = upserted;
        }

        return WithErrors(reply, errors);
    }

    private static (long Matched, long Modified, BsonValue? Upserted) UpdateOne(CommandContext context, BsonDocument statement)
    {
        Unsupported.RejectUnknownFields(statement, "update.updates", "q", "u", "upsert", "multi", "arrayFilters", "hint", "collation", "c", "upsertSupplied");
        Unsupported.Reject(statement, "collation");
        var filterDocument = statement.GetValue("q", new BsonDocument()) as BsonDocument
            ?? throw MongoCommandError.TypeMismatch("'q' must be an object");
        var update = statement.GetValue("u", BsonNull.Value);
        var arrayFilters = statement.TryGetValue("arrayFilters", out var af) && af is BsonArray a ? a : null;
        var plan = UpdatePlan.Compile(update, arrayFilters);
        var multi = statement.GetValue("multi", false).ToBoolean();
        var upsert = statement.GetValue("upsert", false).ToBoolean();
        if (multi && plan.IsReplacement)
        {
            throw MongoCommandError.FailedToParse("multi update is not supported for replacement-style update");
        }

        var query = QuerySpec.For(filterDocument, null, context);
        var store = upsert
            ? context.Engine.GetOrCreate(context.Database, context.Collection)
            : context.Engine.Find(context.Database, context.Collection);
        if (store is null)
        {
            return (0, 0, null);
        }

        QuerySpec.CheckHint(store, statement);
        var now = context.Server.Now;
        var targets = DocumentWrites.Targets(store, query, multi);
        long modified = 0;
        foreach (var (record, document, position) in targets)
        {
            if (DocumentWrites.Apply(context.Engine, store, record, document, plan, position, now, out _))
            {
                modified++;
            }
        }

        if (targets.Count > 0 || !upsert)
        {
            return (targets.Count, modified, null);
        }

        var id = DocumentWrites.InsertDocument(context.Engine, store, DocumentWrites.Upsert(filterDocument, plan, now));
        return (0, 0, id);
    }

    private static BsonDocument Delete(CommandContext context)
    {
        var statements = context.Request.Documents("deletes");
        var ordered = context.OptionalBool("ordered", true);
        var errors = new BsonArray();
        var n = context.Write(() =>
        {
            long deleted = 0;
            for (var i = 0; i < statements.Count; i++)
            {
                try
                {
                    deleted += DeleteOne(context, statements[i]);
                }
                catch (MongoCommandError e)
                {
                    errors.Add(CommandDispatcher.WriteError(i, e));
                    if (ordered)
                    {
                        break;
                    }
                }
            }

            return deleted;
        });
        return WithErrors(new BsonDocument("n", n), errors);
    }

    private static long DeleteOne(CommandContext context, BsonDocument statement)
    {
        Unsupported.RejectUnknownFields(statement, "delete.deletes", "q", "limit", "hint", "collation");
        Unsupported.Reject(statement, "collation");
        var filterDocument = statement.GetValue("q", new BsonDocument()) as BsonDocument
            ?? throw MongoCommandError.TypeMismatch("'q' must be an object");
        var limit = statement.GetValue("limit", 0).ToInt32();
        if (limit is not (0 or 1))
        {
            throw MongoCommandError.BadValue("The limit field in delete objects must be 0 or 1");
        }

        if (context.Engine.Find(context.Database, context.Collection) is not { } store)
        {
            return 0;
        }

        QuerySpec.CheckHint(store, statement);
        var query = QuerySpec.For(filterDocument, null, context);
        var victims = DocumentWrites.Targets(store, query, multi: limit == 0);
        foreach (var (record, document, _) in victims)
        {
            context.Engine.Delete(store, record, document);
        }

        return victims.Count;
    }

    private static BsonDocument WithErrors(BsonDocument reply, BsonArray errors)
    {
        if (errors.Count > 0)
        {
            reply["writeErrors"] = errors;
        }

        return reply;
    }
}
