using BatchPredict.EmbeddedMongo.Query;
using BatchPredict.EmbeddedMongo.Storage;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>find, getMore, killCursors, count, distinct.</summary>
internal static class FindCommands
{
    private const int DefaultFirstBatch = 101;

    public static void Register(CommandDispatcher dispatcher)
    {
        dispatcher.Add("find", Find);
        dispatcher.Add("getMore", GetMoreAsync);
        dispatcher.Add("killCursors", KillCursors);
        dispatcher.Add("count", Count);
        dispatcher.Add("distinct", Distinct);
    }

    private static BsonDocument Find(CommandContext context)
    {
        var body = context.Body;
        Unsupported.Reject(body, "collation", "min", "max", "returnKey", "showRecordId");
        var query = QuerySpec.From(context, "filter");
        var limit = context.OptionalInt64("limit", 0);
        var batchSize = (int)context.OptionalInt64("batchSize", DefaultFirstBatch);
        var singleBatch = context.OptionalBool("singleBatch", false) || limit < 0;
        limit = Math.Abs(limit);
        var tailable = context.OptionalBool("tailable", false);
        var awaitData = context.OptionalBool("awaitData", false);
        if (batchSize < 0)
        {
            throw MongoCommandError.BadValue("BatchSize value must be non-negative");
        }

        return context.Read(() =>
        {
            var store = context.Engine.Find(context.Database, context.Collection);
            if (store is null)
            {
                return CursorReply.First(context.Namespace, 0, []);
            }

            if (tailable && !store.Capped)
            {
                throw MongoCommandError.BadValue($"error processing query: ns={context.Namespace} tailable cursor requested on non capped collection");
            }

            QuerySpec.CheckHint(store, body);
            var stream = query.Open(store, limit);
            // batchSize 0 asks for a cursor only, with an empty first batch.
            var exhausted = false;
            var batch = batchSize == 0 && body.Contains("batchSize")
                ? []
                : CursorManager.Fill(stream, singleBatch && limit > 0 ? (int)Math.Min(limit, int.MaxValue) : batchSize, out exhausted);
            if ((exhausted && !tailable) || singleBatch || (limit > 0 && batch.Count >= limit))
            {
                return CursorReply.First(context.Namespace, 0, batch);
            }

            var cursor = context.Server.Cursors.Open(context.Namespace, store, stream, tailable, awaitData, context.OptionalBool("noCursorTimeout", false));
            return CursorReply.First(context.Namespace, cursor.Id, batch);
        });
    }

    private static async ValueTask<BsonDocument> GetMoreAsync(CommandContext context)
    {
        var id = context.Body[0].ToInt64();
        var cursors = context.Server.Cursors;
        if (!cursors.TryGet(id, out var cursor))
        {
            throw new MongoCommandError(ErrorCodes.CursorNotFound, "CursorNotFound", $"cursor id {id} not found");
        }

        var batchSize = (int)context.OptionalInt64("batchSize", 0);
        var deadline = context.Server.Now + TimeSpan.FromMilliseconds(context.OptionalInt64("maxTimeMS", 1000));
        await cursor.Busy.WaitAsync();
        try
        {
            while (true)
            {
                var signal = cursor.Store?.InsertedSignal ?? Task.CompletedTask;
                var batch = context.Read(() =>
                {
                    if (cursor.Store is { Dropped: true })
                    {
                        cursors.Kill(id);
                        throw new MongoCommandError(175, "QueryPlanKilled", $"collection dropped, cursor {id} killed");
                    }

                    return CursorManager.Fill(cursor.Stream, batchSize, out var done) is var b && done && !cursor.Tailable
                        ? (b, Done: true)
                        : (b, Done: false);
                });
                var remaining = deadline - context.Server.Now;
                if (batch.b.Count == 0 && cursor.AwaitData && remaining > TimeSpan.Zero)
                {
                    await Task.WhenAny(signal, Task.Delay(remaining, context.Server.Time));
                    if (context.Server.Now < deadline || signal.IsCompleted)
                    {
                        continue;
                    }
                }

                cursors.Touch(cursor);
                if (batch.Done)
                {
                    cursors.Kill(id);
                }

                return CursorReply.Next(cursor.Namespace, batch.Done ? 0 : id, batch.b);
            }
        }
        finally
        {
            cursor.Busy.Release();
        }
    }

    private static BsonDocument KillCursors(CommandContext context)
    {
        var killed = new BsonArray();
        var notFound = new BsonArray();
        foreach (var id in context.Body.GetValue("cursors", new BsonArray()).AsBsonArray)
        {
            (context.Server.Cursors.Kill(id.ToInt64()) ? killed : notFound).Add(id);
        }

        return new BsonDocument
        {
            { "cursorsKilled", killed }, { "cursorsNotFound", notFound }, { "cursorsAlive", new BsonArray() }, { "cursorsUnknown", new BsonArray() },
        };
    }

    private static BsonDocument Count(CommandContext context)
    {
        Unsupported.Reject(context.Body, "collation");
        var query = QuerySpec.From(context, "query");
        var skip = context.OptionalInt64("skip", 0);
        var limit = Math.Abs(context.OptionalInt64("limit", 0));
        var n = context.Read(() =>
        {
            var store = context.Engine.Find(context.Database, context.Collection);
            if (store is null)
            {
                return 0L;
            }

            QuerySpec.CheckHint(store, context.Body);
            long count = query.IsEmpty ? store.Count : query.Matches(store).LongCount();
            count = Math.Max(0, count - skip);
            return limit > 0 ? Math.Min(count, limit) : count;
        });
        return new BsonDocument("n", n);
    }

    private static BsonDocument Distinct(CommandContext context)
    {
        Unsupported.Reject(context.Body, "collation");
        var key = context.Body.GetValue("key", BsonNull.Value);
        if (!key.IsString)
        {
            throw MongoCommandError.TypeMismatch("'key' must be a string");
        }

        var query = QuerySpec.From(context, "query");
        var values = context.Read(() =>
        {
            var seen = new HashSet<BsonValue>(BsonValueOrder.EqualityComparer);
            var result = new BsonArray();
            if (context.Engine.Find(context.Database, context.Collection) is not { } store)
            {
                return result;
            }

            var field = IndexDefinition.Parse(new BsonDocument("key", new BsonDocument(key.AsString, 1)));
            foreach (var (_, document) in query.Matches(store))
            {
                foreach (var value in IndexKeys.For(document, field, out _, out var missing).Select(k => k[0]))
                {
                    if (!missing && value is not BsonUndefined && seen.Add(value))
                    {
                        result.Add(value);
                    }
                }
            }

            return result;
        });
        return new BsonDocument("values", values);
    }
}
