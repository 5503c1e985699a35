using BatchPredict.EmbeddedMongo.Aggregation;
using BatchPredict.EmbeddedMongo.Storage;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>
/// aggregate: the pipeline runs over the collection (a leading $match uses an index like find does) under the read
/// lock; the results are handed out through a cursor, or written to the $out collection, which replaces its
/// documents and keeps its indexes.
/// </summary>
internal static class AggregateCommand
{
    public static void Register(CommandDispatcher dispatcher) => dispatcher.Add("aggregate", Aggregate);

    private static BsonDocument Aggregate(CommandContext context)
    {
        Unsupported.Reject(context.Body, "collation", "explain");
        if (!context.Body[0].IsString)
        {
            throw MongoCommandError.NotSupported("aggregate without a collection (aggregate: 1)");
        }

        if (!context.Body.TryGetValue("pipeline", out var stages) || stages is not BsonArray pipelineStages)
        {
            throw MongoCommandError.FailedToParse("'pipeline' option must be specified as an array");
        }

        if (context.OptionalDocument("cursor") is null && !context.OptionalBool("explain", false))
        {
            throw MongoCommandError.FailedToParse("The 'cursor' option is required, except for aggregate with the explain argument");
        }

        var batchSize = (int)(context.OptionalDocument("cursor")?.GetValue("batchSize", 101).ToInt64() ?? 101);
        var now = context.Server.Now;
        var (results, target) = context.Read(() =>
        {
            var host = new AggregationHost(context.Engine, context.Database, now);
            var pipeline = Pipeline.Compile(pipelineStages, host, context.OptionalDocument("let"));
            var store = context.Engine.Find(context.Database, context.Collection);
            if (store is not null)
            {
                QuerySpec.CheckHint(store, context.Body);
            }

            IEnumerable<BsonDocument> input = store is null
                ? []
                : pipeline.LeadingMatch is { } match
                    ? QuerySpec.For(match, null, context).Matches(store).Select(m => m.Document)
                    : store.Natural(0).Select(r => CollectionStore.Decode(r.Bson));
            return (pipeline.Execute(input).ToList(), pipeline.OutTarget);
        });

        if (target is { } output)
        {
            Out(context, output.Database ?? context.Database, output.Collection, results);
            return CursorReply.First(context.Namespace, 0, []);
        }

        var stream = new ListStream(results);
        var exhausted = false;
        var batch = batchSize == 0 ? [] : CursorManager.Fill(stream, batchSize, out exhausted);
        if (exhausted)
        {
            return CursorReply.First(context.Namespace, 0, batch);
        }

        var cursor = context.Server.Cursors.Open(context.Namespace, null, stream, tailable: false, awaitData: false, noTimeout: false);
        return CursorReply.First(context.Namespace, cursor.Id, batch);
    }

    /// <summary>Builds the new contents in a temporary collection with the target's indexes, then renames it over the target.</summary>
    private static void Out(CommandContext context, string database, string collection, List<BsonDocument> results)
    {
        context.Write(() =>
        {
            var engine = context.Engine;
            var temporary = engine.Create(database, $"tmp.agg_out.{Guid.NewGuid():N}", []);
            try
            {
                foreach (var spec in engine.Find(database, collection)?.Indexes.Skip(1).Select(i => i.Definition.Spec) ?? [])
                {
                    engine.CreateIndex(temporary, spec.DeepClone().AsBsonDocument);
                }

                foreach (var document in results)
                {
                    DocumentWrites.InsertDocument(engine, temporary, document);
                }

                engine.Rename(temporary, database, collection);
            }
            catch (MongoCommandError)
            {
                engine.Drop(temporary);
                throw;
            }

            return 0;
        });
    }

    /// <summary>What $lookup and $$NOW see: the collections of the command's database, and the command's clock.</summary>
    private sealed class AggregationHost(StorageEngine engine, string database, DateTime now) : IAggregationHost
    {
        public DateTime Now { get; } = now;

        public IEnumerable<BsonDocument> Scan(string collection) =>
            engine.Find(database, collection)?.Natural(0).Select(r => CollectionStore.Decode(r.Bson)) ?? [];
    }
}
