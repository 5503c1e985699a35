using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.GridFS;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>Runs one operation of a spec test on its entity and returns the result as BSON (null when it has none).</summary>
internal static class SpecOperations
{
    public static Task<BsonValue> RunAsync(BsonDocument operation, EntityMap entities, CancellationToken ct)
    {
        var name = operation["name"].AsString;
        var target = operation["object"].AsString;
        var args = new OperationArguments(name, operation.GetValue("arguments", null)?.AsBsonDocument);
        if (target == "testRunner")
        {
            throw new NotApplicableException($"runner does not implement testRunner.{name}");
        }

        return entities[target] switch
        {
            IMongoCollection<BsonDocument> collection => RunOnCollectionAsync(collection, name, args, ct),
            IMongoDatabase database => RunOnDatabaseAsync(database, name, args, ct),
            GridFSBucket bucket => GridFsOperations.RunAsync(bucket, name, args, ct),
            var other => throw new NotApplicableException($"runner does not implement {other.GetType().Name}.{name}"),
        };
    }

    private static Task<BsonValue> RunOnCollectionAsync(IMongoCollection<BsonDocument> collection, string name, OperationArguments args, CancellationToken ct) => name switch
    {
        "find" => CollectionReadOperations.FindAsync(collection, args, one: false, ct),
        "findOne" => CollectionReadOperations.FindAsync(collection, args, one: true, ct),
        "aggregate" => CollectionReadOperations.AggregateAsync(collection, args, ct),
        "count" => CollectionReadOperations.CountAsync(collection, args, ct),
        "countDocuments" => CollectionReadOperations.CountDocumentsAsync(collection, args, ct),
        "estimatedDocumentCount" => CollectionReadOperations.EstimatedDocumentCountAsync(collection, args, ct),
        "distinct" => CollectionReadOperations.DistinctAsync(collection, args, ct),
        "listIndexes" => CollectionReadOperations.ListIndexesAsync(collection, args, ct),
        "insertOne" => CollectionWriteOperations.InsertOneAsync(collection, args, ct),
        "insertMany" => CollectionWriteOperations.InsertManyAsync(collection, args, ct),
        "updateOne" => CollectionWriteOperations.UpdateAsync(collection, args, many: false, ct),
        "updateMany" => CollectionWriteOperations.UpdateAsync(collection, args, many: true, ct),
        "replaceOne" => CollectionWriteOperations.ReplaceOneAsync(collection, args, ct),
        "deleteOne" => CollectionWriteOperations.DeleteAsync(collection, args, many: false, ct),
        "deleteMany" => CollectionWriteOperations.DeleteAsync(collection, args, many: true, ct),
        "createIndex" => CollectionWriteOperations.CreateIndexAsync(collection, args, ct),
        "dropIndex" => CollectionWriteOperations.DropIndexAsync(collection, args, ct),
        "findOneAndUpdate" => FindAndModifyOperations.UpdateAsync(collection, args, ct),
        "findOneAndReplace" => FindAndModifyOperations.ReplaceAsync(collection, args, ct),
        "findOneAndDelete" => FindAndModifyOperations.DeleteAsync(collection, args, ct),
        "bulkWrite" => BulkWriteOperation.RunAsync(collection, args, ct),
        _ => throw new NotApplicableException($"runner does not implement collection.{name}"),
    };

    private static async Task<BsonValue> RunOnDatabaseAsync(IMongoDatabase database, string name, OperationArguments args, CancellationToken ct)
    {
        switch (name)
        {
            case "aggregate":
                return await CollectionReadOperations.DatabaseAggregateAsync(database, args, ct);
            case "createCollection":
                var created = args.String("collection");
                args.EnsureAllRead();
                await database.CreateCollectionAsync(created, cancellationToken: ct);
                return BsonNull.Value;
            case "dropCollection":
                var dropped = args.String("collection");
                args.EnsureAllRead();
                await database.DropCollectionAsync(dropped, ct);
                return BsonNull.Value;
            default:
                throw new NotApplicableException($"runner does not implement database.{name}");
        }
    }
}
