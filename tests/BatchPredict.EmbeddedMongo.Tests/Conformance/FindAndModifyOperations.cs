using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>findOneAndUpdate, findOneAndReplace and findOneAndDelete: the document (before or after), or null.</summary>
internal static class FindAndModifyOperations
{
    public static async Task<BsonValue> UpdateAsync(IMongoCollection<BsonDocument> collection, OperationArguments args, CancellationToken ct)
    {
        var filter = args.Filter();
        var update = args.Update();
        var options = new FindOneAndUpdateOptions<BsonDocument, BsonDocument>
        {
            IsUpsert = args.Bool("upsert") ?? false,
            ReturnDocument = ReturnDocument(args),
            Projection = args.Projection(),
            Sort = args.Sort(),
            ArrayFilters = args.ArrayFilters(),
            Hint = args.Optional("hint"),
            Comment = args.Optional("comment"),
            Let = args.OptionalDocument("let"),
            BypassDocumentValidation = args.Bool("bypassDocumentValidation"),
        };
        args.EnsureAllRead();
        return await collection.FindOneAndUpdateAsync(filter, update, options, ct) ?? (BsonValue)BsonNull.Value;
    }

    public static async Task<BsonValue> ReplaceAsync(IMongoCollection<BsonDocument> collection, OperationArguments args, CancellationToken ct)
    {
        var filter = args.Filter();
        var replacement = args.Document("replacement");
        var options = new FindOneAndReplaceOptions<BsonDocument, BsonDocument>
        {
            IsUpsert = args.Bool("upsert") ?? false,
            ReturnDocument = ReturnDocument(args),
            Projection = args.Projection(),
            Sort = args.Sort(),
            Hint = args.Optional("hint"),
            Comment = args.Optional("comment"),
            Let = args.OptionalDocument("let"),
            BypassDocumentValidation = args.Bool("bypassDocumentValidation"),
        };
        args.EnsureAllRead();
        return await collection.FindOneAndReplaceAsync(filter, replacement, options, ct) ?? (BsonValue)BsonNull.Value;
    }

    public static async Task<BsonValue> DeleteAsync(IMongoCollection<BsonDocument> collection, OperationArguments args, CancellationToken ct)
    {
        var filter = args.Filter();
        var options = new FindOneAndDeleteOptions<BsonDocument, BsonDocument>
        {
            Projection = args.Projection(),
            Sort = args.Sort(),
            Hint = args.Optional("hint"),
            Comment = args.Optional("comment"),
            Let = args.OptionalDocument("let"),
        };
        args.EnsureAllRead();
        return await collection.FindOneAndDeleteAsync(filter, options, ct) ?? (BsonValue)BsonNull.Value;
    }

    private static ReturnDocument ReturnDocument(OperationArguments args) =>
        args.Optional("returnDocument")?.AsString == "After" ? MongoDB.Driver.ReturnDocument.After : MongoDB.Driver.ReturnDocument.Before;
}
