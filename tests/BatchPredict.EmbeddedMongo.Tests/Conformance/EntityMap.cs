using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.GridFS;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>The entities of one test: clients, databases, collections, buckets and saved results, by their spec ids.</summary>
internal sealed class EntityMap
{
    private readonly Dictionary<string, object> _entities = new(StringComparer.Ordinal);

    public object this[string id] =>
        _entities.TryGetValue(id, out var entity) ? entity : throw new SpecMismatchException($"no entity named '{id}'");

    public T Get<T>(string id) => this[id] is T typed
        ? typed
        : throw new SpecMismatchException($"entity '{id}' is a {this[id].GetType().Name}, not a {typeof(T).Name}");

    public BsonValue Value(string id) => Get<BsonValue>(id);

    public void Add(string id, object entity)
    {
        if (!_entities.TryAdd(id, entity))
        {
            throw new SpecMismatchException($"entity '{id}' is defined twice");
        }
    }

    /// <summary>Builds the entities of <c>createEntities</c>, in order (each may refer to the ones before it).</summary>
    public static EntityMap Create(BsonArray definitions, ConformanceServer server)
    {
        var map = new EntityMap();
        foreach (var definition in definitions.Cast<BsonDocument>())
        {
            var kind = definition.GetElement(0).Name;
            var spec = definition[0].AsBsonDocument;
            var id = spec["id"].AsString;
            map.Add(id, kind switch
            {
                "client" => CreateClient(spec, server),
                "database" => CreateDatabase(spec, map),
                "collection" => CreateCollection(spec, map),
                "bucket" => CreateBucket(spec, map),
                _ => throw new NotApplicableException($"runner does not implement {kind} entities"),
            });
        }

        return map;
    }

    private static IMongoClient CreateClient(BsonDocument spec, ConformanceServer server)
    {
        // Event observation only serves expectEvents, which this runner leaves out; useMultipleMongoses only matters
        // for sharded topologies.
        RejectUnknown(spec, "client", "id", "uriOptions", "observeEvents", "useMultipleMongoses", "ignoreCommandMonitoringEvents", "observeSensitiveCommands");
        return server.Client(spec.GetValue("uriOptions", null)?.AsBsonDocument);
    }

    private static IMongoDatabase CreateDatabase(BsonDocument spec, EntityMap map)
    {
        RejectUnknown(spec, "database", "id", "client", "databaseName", "databaseOptions");
        var options = spec.GetValue("databaseOptions", null)?.AsBsonDocument;
        var settings = new MongoDatabaseSettings();
        if (options is not null)
        {
            RejectUnknown(options, "databaseOptions", "readConcern", "writeConcern", "readPreference");
            EntityOptions.Apply(options, settings);
        }

        return map.Get<IMongoClient>(spec["client"].AsString).GetDatabase(spec["databaseName"].AsString, settings);
    }

    private static IMongoCollection<BsonDocument> CreateCollection(BsonDocument spec, EntityMap map)
    {
        RejectUnknown(spec, "collection", "id", "database", "collectionName", "collectionOptions");
        var options = spec.GetValue("collectionOptions", null)?.AsBsonDocument;
        var settings = new MongoCollectionSettings();
        if (options is not null)
        {
            RejectUnknown(options, "collectionOptions", "readConcern", "writeConcern", "readPreference");
            EntityOptions.Apply(options, settings);
        }

        return map.Get<IMongoDatabase>(spec["database"].AsString).GetCollection<BsonDocument>(spec["collectionName"].AsString, settings);
    }

    private static GridFSBucket CreateBucket(BsonDocument spec, EntityMap map)
    {
        RejectUnknown(spec, "bucket", "id", "database", "bucketOptions");
        var options = new GridFSBucketOptions();
        if (spec.GetValue("bucketOptions", null)?.AsBsonDocument is { } bucketOptions)
        {
            RejectUnknown(bucketOptions, "bucketOptions", "bucketName", "chunkSizeBytes");
            options.BucketName = bucketOptions.GetValue("bucketName", options.BucketName).AsString;
            options.ChunkSizeBytes = bucketOptions.GetValue("chunkSizeBytes", options.ChunkSizeBytes).ToInt32();
        }

        return new GridFSBucket(map.Get<IMongoDatabase>(spec["database"].AsString), options);
    }

    private static void RejectUnknown(BsonDocument spec, string what, params string[] known)
    {
        if (spec.Names.FirstOrDefault(name => !known.Contains(name)) is { } unknown)
        {
            throw new NotApplicableException($"runner does not implement {what} option {unknown}");
        }
    }
}
