using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.GridFS;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>The Unified Test Format's CRUD and GridFS operations, run through the official driver.</summary>
internal static class UnifiedOperations
{
    public static async Task<BsonValue> RunAsync(object target, string name, BsonDocument args) => target switch
    {
        IMongoCollection<BsonDocument> collection => await CollectionAsync(collection, name, args),
        IMongoDatabase database => await DatabaseAsync(database, name, args),
        GridFSBucket bucket => await BucketAsync(bucket, name, args),
        _ => throw new NotSupportedException($"operation {name} on {target.GetType().Name}"),
    };

    private static async Task<BsonValue> CollectionAsync(IMongoCollection<BsonDocument> c, string name, BsonDocument a)
    {
        var result = await CollectionResultAsync(c, name, a);
        // An unacknowledged write has no result to look at.
        return !c.Settings.WriteConcern.IsAcknowledged && name.StartsWith("findOneAnd", StringComparison.Ordinal) ? BsonNull.Value : result;
    }

    private static async Task<BsonValue> CollectionResultAsync(IMongoCollection<BsonDocument> c, string name, BsonDocument a)
    {
        var filter = new BsonDocumentFilterDefinition<BsonDocument>(a.GetValue("filter", new BsonDocument()).AsBsonDocument);
        switch (name)
        {
            case "insertOne":
                var document = a["document"].AsBsonDocument;
                await c.InsertOneAsync(document);
                return new BsonDocument("insertedId", document["_id"]);
            case "insertMany":
                var documents = a["documents"].AsBsonArray.Select(d => d.AsBsonDocument).ToList();
                await c.InsertManyAsync(documents, new InsertManyOptions { IsOrdered = a.GetValue("ordered", true).ToBoolean() });
                return new BsonDocument("insertedIds", new BsonDocument(documents.Select((d, i) => new BsonElement(i.ToString(System.Globalization.CultureInfo.InvariantCulture), d["_id"]))));
            case "deleteOne":
                return Deleted(await c.DeleteOneAsync(filter, new DeleteOptions { Hint = Hint(a), Let = Let(a) }));
            case "deleteMany":
                return Deleted(await c.DeleteManyAsync(filter, new DeleteOptions { Hint = Hint(a), Let = Let(a) }));
            case "updateOne":
                var one = UpdateOptions(a);
                one.Sort = Doc(a, "sort");
                return Updated(await c.UpdateOneAsync(filter, Update(a["update"]), one));
            case "updateMany":
                return Updated(await c.UpdateManyAsync(filter, Update(a["update"]), UpdateOptions(a)));
            case "replaceOne":
                var replaced = await c.ReplaceOneAsync(filter, a["replacement"].AsBsonDocument, new ReplaceOptions<BsonDocument>
                {
                    IsUpsert = a.GetValue("upsert", false).ToBoolean(), Hint = Hint(a), Let = Let(a), Sort = Doc(a, "sort"),
                });
                return replaced.IsAcknowledged ? Counts(replaced.MatchedCount, replaced.ModifiedCount, replaced.UpsertedId) : [];
            case "find":
                return new BsonArray(await (await c.FindAsync(filter, FindOptions(a))).ToListAsync());
            case "findOne":
                var options = FindOptions(a);
                options.Limit = 1;
                return (await (await c.FindAsync(filter, options)).ToListAsync()).FirstOrDefault() ?? (BsonValue)BsonNull.Value;
            case "findOneAndUpdate":
                return await c.FindOneAndUpdateAsync(filter, Update(a["update"]), new FindOneAndUpdateOptions<BsonDocument>
                {
                    Sort = Doc(a, "sort"), Projection = Doc(a, "projection"), IsUpsert = a.GetValue("upsert", false).ToBoolean(),
                    ReturnDocument = ReturnAfter(a), ArrayFilters = ArrayFilters(a), Hint = Hint(a), Let = Let(a),
                }) ?? (BsonValue)BsonNull.Value;
            case "findOneAndReplace":
                return await c.FindOneAndReplaceAsync(filter, a["replacement"].AsBsonDocument, new FindOneAndReplaceOptions<BsonDocument>
                {
                    Sort = Doc(a, "sort"), Projection = Doc(a, "projection"), IsUpsert = a.GetValue("upsert", false).ToBoolean(),
                    ReturnDocument = ReturnAfter(a), Hint = Hint(a), Let = Let(a),
                }) ?? (BsonValue)BsonNull.Value;
            case "findOneAndDelete":
                return await c.FindOneAndDeleteAsync(filter, new FindOneAndDeleteOptions<BsonDocument>
                {
                    Sort = Doc(a, "sort"), Projection = Doc(a, "projection"), Hint = Hint(a), Let = Let(a),
                }) ?? (BsonValue)BsonNull.Value;
            case "countDocuments":
                return await c.CountDocumentsAsync(filter, new CountOptions
                {
                    Skip = a.TryGetValue("skip", out var s) ? s.ToInt64() : null, Limit = a.TryGetValue("limit", out var l) ? l.ToInt64() : null, Hint = Hint(a),
                });
            case "estimatedDocumentCount":
                return await c.EstimatedDocumentCountAsync();
            case "count":
#pragma warning disable CS0618 // the legacy count helper is what the spec's "count" operation means
                return await c.CountAsync(filter, new CountOptions { Skip = a.TryGetValue("skip", out var cs) ? cs.ToInt64() : null });
#pragma warning restore CS0618
            case "distinct":
                return new BsonArray(await (await c.DistinctAsync<BsonValue>(a["fieldName"].AsString, filter)).ToListAsync());
            case "aggregate":
                var pipeline = PipelineDefinition<BsonDocument, BsonDocument>.Create(a["pipeline"].AsBsonArray.Select(s => s.AsBsonDocument));
                return new BsonArray(await (await c.AggregateAsync(pipeline, new AggregateOptions
                {
                    BatchSize = a.TryGetValue("batchSize", out var b) ? b.ToInt32() : null, AllowDiskUse = a.TryGetValue("allowDiskUse", out var d) ? d.ToBoolean() : null,
                    Let = Let(a), Hint = Hint(a),
                })).ToListAsync());
            case "bulkWrite":
                var result = await c.BulkWriteAsync(a["requests"].AsBsonArray.Select(r => WriteModel(r.AsBsonDocument)),
                    new BulkWriteOptions { IsOrdered = a.GetValue("ordered", true).ToBoolean(), Let = Let(a) });
                return BulkResult(result);
            case "createIndex":
                return await c.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(a["keys"].AsBsonDocument,
                    new CreateIndexOptions { Name = a.GetValue("name", BsonNull.Value) is BsonString n ? n.Value : null, Unique = a.TryGetValue("unique", out var u) ? u.ToBoolean() : null }));
            default:
                throw new NotSupportedException($"collection operation {name}");
        }
    }

    private static async Task<BsonValue> DatabaseAsync(IMongoDatabase database, string name, BsonDocument a)
    {
        switch (name)
        {
            case "dropCollection":
                await database.DropCollectionAsync(a["collection"].AsString);
                return BsonNull.Value;
            case "createCollection":
                await database.CreateCollectionAsync(a["collection"].AsString);
                return BsonNull.Value;
            case "aggregate":
                var pipeline = PipelineDefinition<NoPipelineInput, BsonDocument>.Create(a["pipeline"].AsBsonArray.Select(s => s.AsBsonDocument));
                return new BsonArray(await (await database.AggregateAsync(pipeline)).ToListAsync());
            case "runCommand":
                return await database.RunCommandAsync<BsonDocument>(a["command"].AsBsonDocument);
            default:
                throw new NotSupportedException($"database operation {name}");
        }
    }

    private static async Task<BsonValue> BucketAsync(GridFSBucket bucket, string name, BsonDocument a)
    {
        switch (name)
        {
            case "upload":
                var options = new GridFSUploadOptions
                {
                    ChunkSizeBytes = a.TryGetValue("chunkSizeBytes", out var size) ? size.ToInt32() : null,
                    Metadata = a.GetValue("metadata", BsonNull.Value) as BsonDocument,
                };
                return await bucket.UploadFromBytesAsync(a["filename"].AsString, Convert.FromHexString(a["source"]["$$hexBytes"].AsString), options);
            case "download":
                return new BsonBinaryData(await bucket.DownloadAsBytesAsync(a["id"]));
            case "downloadByName":
                return new BsonBinaryData(await bucket.DownloadAsBytesByNameAsync(a["filename"].AsString,
                    new GridFSDownloadByNameOptions { Revision = a.GetValue("revision", -1).ToInt32() }));
            case "delete":
                await bucket.DeleteAsync(a["id"]);
                return BsonNull.Value;
            case "deleteByName":
                foreach (var id in await FileIdsAsync(bucket, a["filename"].AsString))
                {
                    await bucket.DeleteAsync(id);
                }

                return BsonNull.Value;
            case "rename":
                await bucket.RenameAsync(a["id"], a["newFilename"].AsString);
                return BsonNull.Value;
            case "renameByName":
                foreach (var id in await FileIdsAsync(bucket, a["filename"].AsString))
                {
                    await bucket.RenameAsync(id, a["newFilename"].AsString);
                }

                return BsonNull.Value;
            default:
                throw new NotSupportedException($"bucket operation {name}");
        }
    }

    /// <summary>Every revision of a file name (deleteByName and renameByName act on all of them).</summary>
    private static async Task<List<ObjectId>> FileIdsAsync(GridFSBucket bucket, string filename)
    {
        var files = await (await bucket.FindAsync(Builders<GridFSFileInfo>.Filter.Eq(f => f.Filename, filename))).ToListAsync();
        return files.Count == 0 ? throw new GridFSFileNotFoundException(filename) : files.Select(f => f.Id).ToList();
    }

    private static WriteModel<BsonDocument> WriteModel(BsonDocument request)
    {
        var kind = request.GetElement(0).Name;
        var a = request[0].AsBsonDocument;
        var filter = new BsonDocumentFilterDefinition<BsonDocument>(a.GetValue("filter", new BsonDocument()).AsBsonDocument);
        var upsert = a.GetValue("upsert", false).ToBoolean();
        return kind switch
        {
            "insertOne" => new InsertOneModel<BsonDocument>(a["document"].AsBsonDocument),
            "updateOne" => new UpdateOneModel<BsonDocument>(filter, Update(a["update"])) { IsUpsert = upsert, ArrayFilters = ArrayFilters(a), Hint = Hint(a), Sort = Doc(a, "sort") },
            "updateMany" => new UpdateManyModel<BsonDocument>(filter, Update(a["update"])) { IsUpsert = upsert, ArrayFilters = ArrayFilters(a), Hint = Hint(a) },
            "replaceOne" => new ReplaceOneModel<BsonDocument>(filter, a["replacement"].AsBsonDocument) { IsUpsert = upsert, Hint = Hint(a), Sort = Doc(a, "sort") },
            "deleteOne" => new DeleteOneModel<BsonDocument>(filter) { Hint = Hint(a) },
            "deleteMany" => new DeleteManyModel<BsonDocument>(filter) { Hint = Hint(a) },
            _ => throw new NotSupportedException($"bulk write model {kind}"),
        };
    }

    private static UpdateDefinition<BsonDocument> Update(BsonValue update) => update is BsonArray stages
        ? new PipelineUpdateDefinition<BsonDocument>(PipelineDefinition<BsonDocument, BsonDocument>.Create(stages.Select(s => s.AsBsonDocument)))
        : new BsonDocumentUpdateDefinition<BsonDocument>(update.AsBsonDocument);

    private static UpdateOptions<BsonDocument> UpdateOptions(BsonDocument a) => new()
    {
        IsUpsert = a.GetValue("upsert", false).ToBoolean(), ArrayFilters = ArrayFilters(a), Hint = Hint(a), Let = Let(a),
    };

    private static FindOptions<BsonDocument> FindOptions(BsonDocument a) => new()
    {
        Sort = Doc(a, "sort"), Projection = Doc(a, "projection"),
        Skip = a.TryGetValue("skip", out var s) ? s.ToInt32() : null, Limit = a.TryGetValue("limit", out var l) ? l.ToInt32() : null,
        BatchSize = a.TryGetValue("batchSize", out var b) ? b.ToInt32() : null, Hint = Hint(a), Let = Let(a),
        AllowDiskUse = a.TryGetValue("allowDiskUse", out var d) ? d.ToBoolean() : null,
    };

    private static BsonDocument? Doc(BsonDocument a, string name) => a.GetValue(name, BsonNull.Value) as BsonDocument;

    private static BsonValue? Hint(BsonDocument a) => a.TryGetValue("hint", out var hint) ? hint : null;

    private static BsonDocument? Let(BsonDocument a) => Doc(a, "let");

    private static List<ArrayFilterDefinition>? ArrayFilters(BsonDocument a) => a.TryGetValue("arrayFilters", out var filters)
        ? filters.AsBsonArray.Select(f => (ArrayFilterDefinition)new BsonDocumentArrayFilterDefinition<BsonDocument>(f.AsBsonDocument)).ToList()
        : null;

    private static ReturnDocument ReturnAfter(BsonDocument a) =>
        a.GetValue("returnDocument", "Before").AsString == "After" ? ReturnDocument.After : ReturnDocument.Before;

    private static BsonDocument Deleted(DeleteResult result) => result.IsAcknowledged ? new BsonDocument("deletedCount", result.DeletedCount) : [];

    private static BsonDocument Updated(UpdateResult result)
    {
        if (!result.IsAcknowledged)
        {
            return [];
        }

        return Counts(result.MatchedCount, result.ModifiedCount, result.UpsertedId);
    }

    private static BsonDocument Counts(long matched, long modified, BsonValue? upsertedId)
    {
        var reply = new BsonDocument { { "matchedCount", matched }, { "modifiedCount", modified }, { "upsertedCount", upsertedId is null ? 0 : 1 } };
        if (upsertedId is not null)
        {
            reply["upsertedId"] = upsertedId;
        }

        return reply;
    }

    private static BsonDocument BulkResult(BulkWriteResult<BsonDocument> result) => !result.IsAcknowledged ? [] : new BsonDocument
    {
        { "insertedCount", result.InsertedCount }, { "matchedCount", result.MatchedCount }, { "modifiedCount", result.ModifiedCount },
        { "deletedCount", result.DeletedCount }, { "upsertedCount", result.Upserts.Count },
        { "upsertedIds", new BsonDocument(result.Upserts.Select(u => new BsonElement(u.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), u.Id))) },
    };
}
