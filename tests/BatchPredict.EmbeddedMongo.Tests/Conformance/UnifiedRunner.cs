using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.GridFS;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

internal enum Verdict
{
    Passed,
    Failed,
    NotApplicable,
}

internal sealed record SpecResult(string File, string Test, Verdict Verdict, string Reason);

/// <summary>
/// Runs Unified Test Format files against the embedded server: requirements decide applicability (a MongoDB 6.0
/// standalone without fail points, sessions entities or collation), then operations, expected results and errors, and
/// the final collection contents are checked. Command monitoring expectations (expectEvents) are not checked.
/// </summary>
internal sealed class UnifiedRunner(MongoClient client)
{
    private static readonly Version ServerVersion = new(6, 0, 0);

    public async Task<List<SpecResult>> RunFileAsync(string path)
    {
        var file = BsonDocument.Parse(await File.ReadAllTextAsync(path));
        var name = Path.GetFileNameWithoutExtension(path);
        var results = new List<SpecResult>();
        foreach (var test in file["tests"].AsBsonArray.Select(t => t.AsBsonDocument))
        {
            var description = test["description"].AsString;
            var skip = NotApplicable(file, test);
            if (skip is not null)
            {
                results.Add(new SpecResult(name, description, Verdict.NotApplicable, skip));
                continue;
            }

            try
            {
                var failure = await RunTestAsync(file, test);
                results.Add(new SpecResult(name, description, failure is null ? Verdict.Passed : Verdict.Failed, failure ?? ""));
            }
            catch (Exception e) when (e is MongoException or NotSupportedException or InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException or TimeoutException)
            {
                results.Add(new SpecResult(name, description, Verdict.Failed, $"{e.GetType().Name}: {e.Message}"));
            }
        }

        return results;
    }

    private static string? NotApplicable(BsonDocument file, BsonDocument test)
    {
        if (test.Contains("skipReason"))
        {
            return "skipped by the specification";
        }

        foreach (var requirements in new[] { file, test }.Select(d => d.GetValue("runOnRequirements", new BsonArray()).AsBsonArray))
        {
            if (requirements.Count > 0 && !requirements.Any(r => Meets(r.AsBsonDocument)))
            {
                return "runOnRequirements (server version, topology, serverless, auth or parameters)";
            }
        }

        var text = test.ToJson();
        if (text.Contains("\"testRunner\"", StringComparison.Ordinal))
        {
            return "fail points";
        }

        if (text.Contains("\"collation\"", StringComparison.Ordinal))
        {
            return "collation";
        }

        if (file["createEntities"].AsBsonArray.Any(e => e.AsBsonDocument.Contains("session")) || text.Contains("\"session\"", StringComparison.Ordinal))
        {
            return "session entities";
        }

        if (text.Contains("clientBulkWrite", StringComparison.Ordinal))
        {
            return "client bulk write (MongoDB 8.0)";
        }

        if (text.Contains("\"viewOn\"", StringComparison.Ordinal) || text.Contains("\"validator\"", StringComparison.Ordinal))
        {
            return "views and validation (not implemented: create refuses them)";
        }

        if (text.Contains("\"$merge\"", StringComparison.Ordinal))
        {
            return "$merge stage (not implemented: refused by name)";
        }

        if (test["operations"].AsBsonArray.Any(o => o["name"].AsString == "aggregate" && o["object"].AsString.StartsWith("database", StringComparison.Ordinal)))
        {
            return "database-level aggregate (aggregate: 1, not implemented: refused by name)";
        }

        return null;
    }

    private static bool Meets(BsonDocument requirement)
    {
        if (requirement.TryGetValue("minServerVersion", out var min) && Version.Parse(Pad(min.AsString)) > ServerVersion)
        {
            return false;
        }

        if (requirement.TryGetValue("maxServerVersion", out var max) && Version.Parse(Pad(max.AsString)) < ServerVersion)
        {
            return false;
        }

        if (requirement.TryGetValue("topologies", out var topologies) && !topologies.AsBsonArray.Any(t => t.AsString == "single"))
        {
            return false;
        }

        return !(requirement.GetValue("serverless", "allow").AsString == "require" || requirement.GetValue("auth", false).ToBoolean()
                 || requirement.Contains("serverParameters") || requirement.Contains("csfle"));
    }

    private static string Pad(string version) => version.Count(c => c == '.') == 0 ? version + ".0" : version;

    private async Task<string?> RunTestAsync(BsonDocument file, BsonDocument test)
    {
        foreach (var data in file.GetValue("initialData", new BsonArray()).AsBsonArray.Select(d => d.AsBsonDocument))
        {
            var database = client.GetDatabase(data["databaseName"].AsString);
            await database.DropCollectionAsync(data["collectionName"].AsString);
            await database.CreateCollectionAsync(data["collectionName"].AsString);
            var documents = data["documents"].AsBsonArray.Select(d => d.AsBsonDocument).ToList();
            if (documents.Count > 0)
            {
                await database.GetCollection<BsonDocument>(data["collectionName"].AsString).InsertManyAsync(documents);
            }
        }

        var entities = Entities(file);
        var values = new Dictionary<string, BsonValue>();
        var matcher = new UnifiedMatcher(values);
        foreach (var operation in test["operations"].AsBsonArray.Select(o => o.AsBsonDocument))
        {
            var failure = await OperationAsync(entities, values, matcher, operation);
            if (failure is not null)
            {
                return $"{operation["name"]}: {failure}";
            }
        }

        foreach (var outcome in test.GetValue("outcome", new BsonArray()).AsBsonArray.Select(o => o.AsBsonDocument))
        {
            var actual = await client.GetDatabase(outcome["databaseName"].AsString).GetCollection<BsonDocument>(outcome["collectionName"].AsString)
                .Find(FilterDefinition<BsonDocument>.Empty).Sort(new BsonDocument("_id", 1)).ToListAsync();
            if (matcher.Match(outcome["documents"], new BsonArray(actual), root: false, "outcome") is { } failure)
            {
                return failure;
            }
        }

        return null;
    }

    private static async Task<string?> OperationAsync(Dictionary<string, object> entities, Dictionary<string, BsonValue> values, UnifiedMatcher matcher, BsonDocument operation)
    {
        var arguments = operation.GetValue("arguments", new BsonDocument()).AsBsonDocument;
        BsonValue result;
        try
        {
            result = await UnifiedOperations.RunAsync(entities[operation["object"].AsString], operation["name"].AsString, arguments);
        }
        catch (Exception e) when (operation.Contains("expectError") || operation.GetValue("ignoreResultAndError", false).ToBoolean())
        {
            return operation.Contains("expectError") ? UnifiedErrors.Check(operation["expectError"].AsBsonDocument, e) : null;
        }

        if (operation.Contains("expectError"))
        {
            return $"expected an error {operation["expectError"]}, got {result}";
        }

        if (operation.TryGetValue("saveResultAsEntity", out var entity))
        {
            values[entity.AsString] = result;
        }

        return operation.TryGetValue("expectResult", out var expected) ? matcher.Match(expected, result, root: true) : null;
    }

    private Dictionary<string, object> Entities(BsonDocument file)
    {
        var entities = new Dictionary<string, object>();
        foreach (var entity in file["createEntities"].AsBsonArray.Select(e => e.AsBsonDocument.GetElement(0)))
        {
            var spec = entity.Value.AsBsonDocument;
            var id = spec["id"].AsString;
            switch (entity.Name)
            {
                case "client":
                    entities[id] = client;
                    break;
                case "database":
                    entities[id] = client.GetDatabase(spec["databaseName"].AsString);
                    break;
                case "collection":
                    var collection = ((IMongoDatabase)entities[spec["database"].AsString]).GetCollection<BsonDocument>(spec["collectionName"].AsString);
                    if (spec.GetValue("collectionOptions", new BsonDocument()).AsBsonDocument.GetValue("writeConcern", BsonNull.Value) is BsonDocument { } wc
                        && wc.GetValue("w", 1).ToInt32() == 0)
                    {
                        collection = collection.WithWriteConcern(WriteConcern.Unacknowledged);
                    }

                    entities[id] = collection;
                    break;
                case "bucket":
                    var options = spec.GetValue("bucketOptions", new BsonDocument()).AsBsonDocument;
                    entities[id] = new GridFSBucket((IMongoDatabase)entities[spec["database"].AsString], new GridFSBucketOptions
                    {
                        BucketName = options.GetValue("bucketName", "fs").AsString, ChunkSizeBytes = options.GetValue("chunkSizeBytes", 255 * 1024).ToInt32(),
                    });
                    break;
                default:
                    throw new NotSupportedException($"entity {entity.Name}");
            }
        }

        return entities;
    }
}
