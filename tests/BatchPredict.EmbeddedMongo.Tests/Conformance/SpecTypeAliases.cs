using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>The BSON type aliases that <c>$$type</c> names (the same aliases as the server's <c>$type</c> query operator).</summary>
internal static class SpecTypeAliases
{
    private static readonly Dictionary<string, BsonType> Types = new(StringComparer.Ordinal)
    {
        ["double"] = BsonType.Double,
        ["string"] = BsonType.String,
        ["object"] = BsonType.Document,
        ["array"] = BsonType.Array,
        ["binData"] = BsonType.Binary,
        ["undefined"] = BsonType.Undefined,
        ["objectId"] = BsonType.ObjectId,
        ["bool"] = BsonType.Boolean,
        ["date"] = BsonType.DateTime,
        ["null"] = BsonType.Null,
        ["regex"] = BsonType.RegularExpression,
        ["javascript"] = BsonType.JavaScript,
        ["symbol"] = BsonType.Symbol,
        ["javascriptWithScope"] = BsonType.JavaScriptWithScope,
        ["int"] = BsonType.Int32,
        ["timestamp"] = BsonType.Timestamp,
        ["long"] = BsonType.Int64,
        ["decimal"] = BsonType.Decimal128,
        ["minKey"] = BsonType.MinKey,
        ["maxKey"] = BsonType.MaxKey,
    };

    public static bool Matches(string alias, BsonValue value)
    {
        if (alias == "number")
        {
            return value.BsonType is BsonType.Int32 or BsonType.Int64 or BsonType.Double or BsonType.Decimal128;
        }

        return Types.TryGetValue(alias, out var type)
            ? value.BsonType == type
            : throw new NotApplicableException($"runner does not know the $$type alias '{alias}'");
    }
}
