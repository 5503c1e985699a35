using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Aggregation;

/// <summary>Helpers for MongoDB's expression value rules (truthiness, nullishness, type names in errors).</summary>
internal static class Values
{
    /// <summary>false, null, undefined, missing and numeric zero are false; everything else (even [] and "") is true.</summary>
    public static bool IsTruthy(BsonValue? value) => value?.BsonType switch
    {
        null or BsonType.Null or BsonType.Undefined => false,
        BsonType.Boolean => value.AsBoolean,
        BsonType.Int32 or BsonType.Int64 or BsonType.Double or BsonType.Decimal128 => NumericOrder.ToDouble(value) != 0,
        _ => true,
    };

    public static bool IsNullish(BsonValue? value) => value is null || value.BsonType is BsonType.Null or BsonType.Undefined;

    public static string TypeName(BsonValue? value) => value is null ? "missing" : BsonTypeAliases.NameOf(value.BsonType);

    /// <summary>Missing compares below null (it is MongoDB's EOO), so it is stood in by undefined for ordering.</summary>
    public static BsonValue ForComparison(BsonValue? value) => value ?? BsonUndefined.Value;
}
