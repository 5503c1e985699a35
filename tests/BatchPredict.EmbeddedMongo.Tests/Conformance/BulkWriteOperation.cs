using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>A collection's bulkWrite: every request kind of the spec, ordered or not.</summary>
internal static class BulkWriteOperation
{
    public static async Task<BsonValue> RunAsync(IMongoCollection<BsonDocument> collection, OperationArguments args, CancellationToken ct)
    {
        var requests = args.Required("requests").AsBsonArray.Select(r => Model(r.AsBsonDocument)).ToList();
        var options = new BulkWriteOptions
        {
            IsOrdered = args.Bool("ordered") ?? true,
            Comment = args.Optional("comment"),
            Let = args.OptionalDocument("let"),
            BypassDocumentValidation = args.Bool("bypassDocumentValidation"),
        };
        args.EnsureAllRead();
        return WriteResults.From(await collection.BulkWriteAsync(requests, options, ct));
    }

    private static WriteModel<BsonDocument> Model(BsonDocument request)
    {
        var kind = request.GetElement(0).Name;
        var args = new OperationArguments($"bulkWrite {kind}", request[0].AsBsonDocument);
        WriteModel<BsonDocument> model = kind switch
        {
            "insertOne" => new InsertOneModel<BsonDocument>(args.Document("document")),
            "updateOne" => new UpdateOneModel<BsonDocument>(args.Filter(), args.Update())
            {
                IsUpsert = args.Bool("upsert") ?? false,
                ArrayFilters = args.ArrayFilters(),
                Hint = args.Optional("hint"),
                Sort = args.Sort(),
            },
            "updateMany" => new UpdateManyModel<BsonDocument>(args.Filter(), args.Update())
            {
                IsUpsert = args.Bool("upsert") ?? false,
                ArrayFilters = args.ArrayFilters(),
                Hint = args.Optional("hint"),
            },
            "replaceOne" => new ReplaceOneModel<BsonDocument>(args.Filter(), args.Document("replacement"))
            {
                IsUpsert = args.Bool("upsert") ?? false,
                Hint = args.Optional("hint"),
                Sort = args.Sort(),
            },
            "deleteOne" => new DeleteOneModel<BsonDocument>(args.Filter()) { Hint = args.Optional("hint") },
            "deleteMany" => new DeleteManyModel<BsonDocument>(args.Filter()) { Hint = args.Optional("hint") },
            _ => throw new NotApplicableException($"runner does not implement bulkWrite request {kind}"),
        };
        args.EnsureAllRead();
        return model;
    }
}
