using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Storage;

/// <summary>What one index is, parsed from a createIndexes spec, and the spec as listIndexes shows it.</summary>
internal sealed class IndexDefinition
{
    private static readonly HashSet<string> Accepted =
        ["key", "name", "v", "unique", "sparse", "expireAfterSeconds", "partialFilterExpression", "background", "ns", "hidden"];

    private IndexDefinition(string name, BsonDocument key, BsonDocument spec)
    {
        Name = name;
        Key = key;
        Spec = spec;
        Fields = key.Names.ToArray();
        Directions = key.Values.Select(v => v.ToDouble() < 0 ? -1 : 1).ToArray();
    }

    public string Name { get; }

    public BsonDocument Key { get; }

    /// <summary>The spec as listIndexes returns it: v, key, name and the options given.</summary>
    public BsonDocument Spec { get; }

    public string[] Fields { get; }

    public int[] Directions { get; }

    public bool Unique { get; private init; }

    public bool Sparse { get; private init; }

    public double? ExpireAfterSeconds { get; private init; }

    public Filter? PartialFilter { get; private init; }

    public bool IsId => Name == "_id_";

    public static IndexDefinition IdIndex() =>
        new("_id_", new BsonDocument("_id", 1), new BsonDocument { { "v", 2 }, { "key", new BsonDocument("_id", 1) }, { "name", "_id_" } })
        {
            Unique = true,
        };

    public static IndexDefinition Parse(BsonDocument spec)
    {
        if (!spec.TryGetValue("key", out var keyValue) || keyValue is not BsonDocument key || key.ElementCount == 0)
        {
            throw MongoCommandError.FailedToParse("The 'key' field of an index specification must be a non-empty object");
        }

        foreach (var element in key)
        {
            if (!element.Value.IsNumeric)
            {
                throw MongoCommandError.NotSupported($"index type '{element.Value}' on field '{element.Name}' (only ascending/descending keys)");
            }
        }

        foreach (var element in spec)
        {
            if (!Accepted.Contains(element.Name))
            {
                throw new MongoCommandError(197, "InvalidIndexSpecificationOption",
                    $"The field '{element.Name}' is not valid for an index specification on the embedded server. Specification: {spec}");
            }
        }

        var name = spec.TryGetValue("name", out var n) && n.IsString
            ? n.AsString
            : string.Join('_', key.Select(e => $"{e.Name}_{e.Value}"));
        var clean = new BsonDocument { { "v", 2 }, { "key", key }, { "name", name } };
        foreach (var element in spec.Where(e => e.Name is not ("key" or "name" or "v" or "ns" or "background")))
        {
            clean[element.Name] = element.Value;
        }

        var partial = spec.TryGetValue("partialFilterExpression", out var p) && p is BsonDocument pd ? Filter.Compile(pd) : null;
        return new IndexDefinition(name, key, clean)
        {
            Unique = spec.TryGetValue("unique", out var u) && u.ToBoolean(),
            Sparse = spec.TryGetValue("sparse", out var s) && s.ToBoolean(),
            ExpireAfterSeconds = spec.TryGetValue("expireAfterSeconds", out var e) && e.IsNumeric ? e.ToDouble() : null,
            PartialFilter = partial,
        };
    }

    /// <summary>Same key and the same options that change behaviour (so re-creating it is a no-op).</summary>
    public bool SameAs(IndexDefinition other) =>
        Key.Equals(other.Key) && Unique == other.Unique && Sparse == other.Sparse
        && ExpireAfterSeconds == other.ExpireAfterSeconds
        && Equals(Spec.GetValue("partialFilterExpression", BsonNull.Value), other.Spec.GetValue("partialFilterExpression", BsonNull.Value));
}
