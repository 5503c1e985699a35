using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>MongoDB's $type names and numbers.</summary>
internal static class BsonTypeAliases
{
    private static readonly Dictionary<string, BsonType> ByName = new(StringComparer.Ordinal)
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

    /// <summary>The $type name of a value, as the aggregation $type operator returns it.</summary>
    public static string NameOf(BsonType type) => type switch
    {
        BsonType.Double => "double",
        BsonType.String => "string",
        BsonType.Document => "object",
        BsonType.Array => "array",
        BsonType.Binary => "binData",
        BsonType.Undefined => "undefined",
        BsonType.ObjectId => "objectId",
        BsonType.Boolean => "bool",
        BsonType.DateTime => "date",
        BsonType.Null => "null",
        BsonType.RegularExpression => "regex",
        BsonType.JavaScript => "javascript",
        BsonType.Symbol => "symbol",
        BsonType.JavaScriptWithScope => "javascriptWithScope",
        BsonType.Int32 => "int",
        BsonType.Timestamp => "timestamp",
        BsonType.Int64 => "long",
        BsonType.Decimal128 => "decimal",
        BsonType.MinKey => "minKey",
        BsonType.MaxKey => "maxKey",
        _ => type.ToString(),
    };

    /// <summary>Parses one $type argument; <c>null</c> means "number" (any numeric type).</summary>
    public static BsonType? Parse(BsonValue alias)
    {
        if (alias.IsString)
        {
            if (alias.AsString == "number")
            {
                return null;
            }

            return ByName.TryGetValue(alias.AsString, out var t)
                ? t
                : throw MongoCommandError.BadValue($"Unknown type name alias: {alias.AsString}");
        }

        if (BsonValueOrder.IsNumber(alias))
        {
            var code = NumericOrder.ToDouble(alias);
            if (code == Math.Truncate(code) && Enum.IsDefined(typeof(BsonType), (int)code) && code != 0)
            {
                return (BsonType)(int)code;
            }

            throw MongoCommandError.BadValue($"Invalid numerical type code: {alias}");
        }

        throw MongoCommandError.TypeMismatch("type must be represented as a number or a string");
    }
}
