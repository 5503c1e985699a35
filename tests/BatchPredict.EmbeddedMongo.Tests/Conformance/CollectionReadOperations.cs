using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>The read operations of a collection entity, through the driver's typed-less API.</summary>
internal static class CollectionReadOperations
{
    public static async Task<BsonValue> FindAsync(IMongoCollection<BsonDocument> collection, OperationArguments args, bool one, CancellationToken ct)
    {
        var filter = args.Filter();
        var options = new FindOptions<BsonDocument, BsonDocument>
        {
            Sort = args.Sort(),
            Skip = args.Int("skip"),
            Limit = one ? 1 : args.Int("limit"),
            BatchSize = one ? null : args.Int("batchSize"),
            Projection = args.Projection(),
            Comment = args.Optional("comment"),
            Let = args.OptionalDocument("let"),
            AllowDiskUse = args.Bool("allowDiskUse"),
            Hint = args.Optional("hint"),
            MaxTime = args.Milliseconds("maxTimeMS"),
        };
        args.EnsureAllRead();
        using var cursor = await collection.FindAsync(filter, options, ct);
        var documents = await cursor.ToListAsync(ct);
        return one ? documents.FirstOrDefault() ?? (BsonValue)BsonNull.Value : new BsonArray(documents);
    }

    public static async Task<BsonValue> AggregateAsync(IMongoCollection<BsonDocument> collection, OperationArguments args, CancellationToken ct)
    {
        var stages = args.Required("pipeline").AsBsonArray.Select(s => s.AsBsonDocument).ToList();
        var options = AggregateOptions(args);
        args.EnsureAllRead();
        var pipeline = new BsonDocumentStagePipelineDefinition<BsonDocument, BsonDocument>(stages);
        if (WritesToCollection(stages))
        {
            await collection.AggregateToCollectionAsync(pipeline, options, ct);
            return BsonNull.Value;
        }

        using var cursor = await collection.AggregateAsync(pipeline, options, ct);
        return new BsonArray(await cursor.ToListAsync(ct));
    }

    public static async Task<BsonValue> DatabaseAggregateAsync(IMongoDatabase database, OperationArguments args, CancellationToken ct)
    {
        var stages = args.Required("pipeline").AsBsonArray.Select(s => s.AsBsonDocument).ToList();
        var options = AggregateOptions(args);
        args.EnsureAllRead();
        var pipeline = new BsonDocumentStagePipelineDefinition<NoPipelineInput, BsonDocument>(stages);
        if (WritesToCollection(stages))
        {
            await database.AggregateToCollectionAsync(pipeline, options, ct);
            return BsonNull.Value;
        }

        using var cursor = await database.AggregateAsync(pipeline, options, ct);
        return new BsonArray(await cursor.ToListAsync(ct));
    }

    public static async Task<BsonValue> CountDocumentsAsync(IMongoCollection<BsonDocument> collection, OperationArguments args, CancellationToken ct)
    {
        var filter = args.Filter();
        var options = CountOptions(args);
        args.EnsureAllRead();
        return await collection.CountDocumentsAsync(filter, options, ct);
    }

    public static async Task<BsonValue> CountAsync(IMongoCollection<BsonDocument> collection, OperationArguments args, CancellationToken ct)
    {
        var filter = args.Filter();
        var options = CountOptions(args);
        args.EnsureAllRead();
#pragma warning disable CS0618 // The spec's deprecated "count" operation is exactly what this obsolete method sends.
        return await collection.CountAsync(filter, options, ct);
#pragma warning restore CS0618
    }

    public static async Task<BsonValue> EstimatedDocumentCountAsync(IMongoCollection<BsonDocument> collection, OperationArguments args, CancellationToken ct)
    {
        var options = new EstimatedDocumentCountOptions { Comment = args.Optional("comment"), MaxTime = args.Milliseconds("maxTimeMS") };
        args.EnsureAllRead();
        return await collection.EstimatedDocumentCountAsync(options, ct);
    }

    public static async Task<BsonValue> DistinctAsync(IMongoCollection<BsonDocument> collection, OperationArguments args, CancellationToken ct)
    {
        var field = new StringFieldDefinition<BsonDocument, BsonValue>(args.String("fieldName"));
        var filter = args.Filter();
        var options = new DistinctOptions { Comment = args.Optional("comment"), MaxTime = args.Milliseconds("maxTimeMS") };
        args.EnsureAllRead();
        using var cursor = await collection.DistinctAsync(field, filter, options, ct);
        return new BsonArray(await cursor.ToListAsync(ct));
    }

    public static async Task<BsonValue> ListIndexesAsync(IMongoCollection<BsonDocument> collection, OperationArguments args, CancellationToken ct)
    {
        args.EnsureAllRead();
        using var cursor = await collection.Indexes.ListAsync(ct);
        return new BsonArray(await cursor.ToListAsync(ct));
    }

    private static AggregateOptions AggregateOptions(OperationArguments args) => new()
    {
        BatchSize = args.Int("batchSize"),
        AllowDiskUse = args.Bool("allowDiskUse"),
        BypassDocumentValidation = args.Bool("bypassDocumentValidation"),
        Comment = args.Optional("comment"),
        Let = args.OptionalDocument("let"),
        Hint = args.Optional("hint"),
        MaxTime = args.Milliseconds("maxTimeMS"),
    };

    private static CountOptions CountOptions(OperationArguments args) => new()
    {
        Limit = args.Long("limit"),
        Skip = args.Long("skip"),
        Comment = args.Optional("comment"),
        Hint = args.Optional("hint"),
        MaxTime = args.Milliseconds("maxTimeMS"),
    };

    private static bool WritesToCollection(List<BsonDocument> stages) =>
        stages.Count > 0 && stages[^1].ElementCount > 0 && stages[^1].GetElement(0).Name is "$out" or "$merge";
}
