using System.Globalization;
using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;
using static BatchPredict.EmbeddedMongo.Aggregation.ExpressionCompiler;

namespace BatchPredict.EmbeddedMongo.Aggregation;

/// <summary>$type and the conversions $toString $toInt $toLong $toDouble $toDate $toBool.</summary>
internal static class TypeExpressions
{
    public static void Register(Dictionary<string, Func<BsonValue, Expr>> operators)
    {
        operators["$type"] = spec => new CallExpr(Arguments("$type", spec, 1), (v, _) => new BsonString(Values.TypeName(v[0])));
        Conversion(operators, "$toString", ToText);
        Conversion(operators, "$toInt", v => new BsonInt32(checked((int)ToWholeNumber(v, "int"))));
        Conversion(operators, "$toLong", v => new BsonInt64(ToWholeNumber(v, "long")));
        Conversion(operators, "$toDouble", ToDouble);
        Conversion(operators, "$toDate", ToDate);
        Conversion(operators, "$toBool", v => (BsonBoolean)Values.IsTruthy(v));
    }

    public static string NumberToString(BsonValue value) => value.BsonType switch
    {
        BsonType.Int32 => value.AsInt32.ToString(CultureInfo.InvariantCulture),
        BsonType.Int64 => value.AsInt64.ToString(CultureInfo.InvariantCulture),
        BsonType.Double => value.AsDouble.ToString("R", CultureInfo.InvariantCulture),
        _ => value.AsDecimal128.ToString(),
    };

    private static void Conversion(Dictionary<string, Func<BsonValue, Expr>> operators, string name, Func<BsonValue, BsonValue> convert) =>
        operators[name] = spec => new CallExpr(Arguments(name, spec, 1), (v, _) =>
        {
            if (Values.IsNullish(v[0]))
            {
                return BsonNull.Value;
            }

            try
            {
                return convert(v[0]!);
            }
            catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
            {
                throw Failure(v[0]!, name);
            }
        });

    private static MongoCommandError Failure(BsonValue value, string op) =>
        new(241, "ConversionFailure", $"Unsupported conversion from {Values.TypeName(value)} in {op} with no onError value: {value}");

    private static BsonValue ToText(BsonValue v) => v.BsonType switch
    {
        BsonType.String => v,
        BsonType.Boolean => new BsonString(v.AsBoolean ? "true" : "false"),
        BsonType.ObjectId => new BsonString(v.AsObjectId.ToString()),
        BsonType.Int32 or BsonType.Int64 or BsonType.Double or BsonType.Decimal128 => new BsonString(NumberToString(v)),
        BsonType.DateTime => new BsonString(StringExpressions.AsText("$toString", v)),
        _ => throw new InvalidCastException(),
    };

    private static long ToWholeNumber(BsonValue v, string target) => v.BsonType switch
    {
        BsonType.Int32 => v.AsInt32,
        BsonType.Int64 => v.AsInt64,
        BsonType.Double or BsonType.Decimal128 when !double.IsNaN(NumericOrder.ToDouble(v)) => checked((long)Math.Truncate(NumericOrder.ToDouble(v))),
        BsonType.Boolean => v.AsBoolean ? 1 : 0,
        BsonType.String => long.Parse(v.AsString, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        BsonType.DateTime when target == "long" => v.AsBsonDateTime.MillisecondsSinceEpoch,
        _ => throw new InvalidCastException(),
    };

    private static BsonDouble ToDouble(BsonValue v) => v.BsonType switch
    {
        BsonType.Int32 or BsonType.Int64 or BsonType.Double or BsonType.Decimal128 => new BsonDouble(NumericOrder.ToDouble(v)),
        BsonType.Boolean => new BsonDouble(v.AsBoolean ? 1 : 0),
        BsonType.String => new BsonDouble(double.Parse(v.AsString, NumberStyles.Float, CultureInfo.InvariantCulture)),
        BsonType.DateTime => new BsonDouble(v.AsBsonDateTime.MillisecondsSinceEpoch),
        _ => throw new InvalidCastException(),
    };

    private static BsonDateTime ToDate(BsonValue v) => v.BsonType switch
    {
        BsonType.DateTime => v.AsBsonDateTime,
        BsonType.Int64 or BsonType.Double or BsonType.Decimal128 => new BsonDateTime(checked((long)NumericOrder.ToDouble(v))),
        BsonType.ObjectId => new BsonDateTime(v.AsObjectId.CreationTime),
        BsonType.Timestamp => new BsonDateTime(v.AsBsonTimestamp.Timestamp * 1000L),
        BsonType.String => new BsonDateTime(DateTime.Parse(v.AsString, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)),
        _ => throw new InvalidCastException(),
    };
}
