using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>The single-document and multi-document write operations of a collection entity.</summary>
internal static class CollectionWriteOperations
{
    public static async Task<BsonValue> InsertOneAsync(IMongoCollection<BsonDocument> collection, OperationArguments args, CancellationToken ct)
    {
        var document = args.Document("document");
        var options = new InsertOneOptions { Comment = args.Optional("comment"), BypassDocumentValidation = args.Bool("bypassDocumentValidation") };
        args.EnsureAllRead();
        await collection.InsertOneAsync(document, options, ct);
        return WriteResults.InsertedOne(document, collection.Settings.WriteConcern.IsAcknowledged);
    }

    public static async Task<BsonValue> InsertManyAsync(IMongoCollection<BsonDocument> collection, OperationArguments args, CancellationToken ct)
    {
        var documents = args.Required("documents").AsBsonArray.Select(d => d.AsBsonDocument).ToList();
        var options = new InsertManyOptions
        {
            IsOrdered = args.Bool("ordered") ?? true,
            Comment = args.Optional("comment"),
            BypassDocumentValidation = args.Bool("bypassDocumentValidation"),
        };
        args.EnsureAllRead();
        await collection.InsertManyAsync(documents, options, ct);
        return WriteResults.InsertedMany(documents, collection.Settings.WriteConcern.IsAcknowledged);
    }

    public static async Task<BsonValue> UpdateAsync(IMongoCollection<BsonDocument> collection, OperationArguments args, bool many, CancellationToken ct)
    {
        var filter = args.Filter();
        var update = args.Update();
        var options = new UpdateOptions<BsonDocument>
        {
            IsUpsert = args.Bool("upsert") ?? false,
            ArrayFilters = args.ArrayFilters(),
            Hint = args.Optional("hint"),
            Comment = args.Optional("comment"),
            Let = args.OptionalDocument("let"),
            BypassDocumentValidation = args.Bool("bypassDocumentValidation"),
            Sort = many ? null : args.Sort(),
        };
        args.EnsureAllRead();
        var result = many
            ? await collection.UpdateManyAsync(filter, update, options, ct)
            : await collection.UpdateOneAsync(filter, update, options, ct);
        return WriteResults.From(result);
    }

    public static async Task<BsonValue> ReplaceOneAsync(IMongoCollection<BsonDocument> collection, OperationArguments args, CancellationToken ct)
    {
        var filter = args.Filter();
        var replacement = args.Document("replacement");
        var options = new ReplaceOptions<BsonDocument>
        {
            IsUpsert = args.Bool("upsert") ?? false,
            Hint = args.Optional("hint"),
            Comment = args.Optional("comment"),
            Let = args.OptionalDocument("let"),
            BypassDocumentValidation = args.Bool("bypassDocumentValidation"),
            Sort = args.Sort(),
        };
        args.EnsureAllRead();
        return WriteResults.From(await collection.ReplaceOneAsync(filter, replacement, options, ct));
    }

    public static async Task<BsonValue> DeleteAsync(IMongoCollection<BsonDocument> collection, OperationArguments args, bool many, CancellationToken ct)
    {
        var filter = args.Filter();
        var options = new DeleteOptions { Hint = args.Optional("hint"), Comment = args.Optional("comment"), Let = args.OptionalDocument("let") };
        args.EnsureAllRead();
        var result = many
            ? await collection.DeleteManyAsync(filter, options, ct)
            : await collection.DeleteOneAsync(filter, options, ct);
        return WriteResults.From(result);
    }

    public static async Task<BsonValue> CreateIndexAsync(IMongoCollection<BsonDocument> collection, OperationArguments args, CancellationToken ct)
    {
        var keys = new BsonDocumentIndexKeysDefinition<BsonDocument>(args.Document("keys"));
        var options = new CreateIndexOptions
        {
            Name = args.Optional("name")?.AsString,
            Unique = args.Bool("unique"),
            Sparse = args.Bool("sparse"),
            ExpireAfter = args.Optional("expireAfterSeconds") is { } seconds ? TimeSpan.FromSeconds(seconds.ToDouble()) : null,
        };
        args.EnsureAllRead();
        return await collection.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(keys, options), cancellationToken: ct);
    }

    public static async Task<BsonValue> DropIndexAsync(IMongoCollection<BsonDocument> collection, OperationArguments args, CancellationToken ct)
    {
        var name = args.String("name");
        args.EnsureAllRead();
        await collection.Indexes.DropOneAsync(name, ct);
        return BsonNull.Value;
    }
}
