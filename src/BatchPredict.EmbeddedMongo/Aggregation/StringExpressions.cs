using System.Globalization;
using System.Text;
using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;
using static BatchPredict.EmbeddedMongo.Aggregation.ExpressionCompiler;

namespace BatchPredict.EmbeddedMongo.Aggregation;

/// <summary>$concat $toLower $toUpper $substr/$substrBytes $substrCP $strLenCP.</summary>
internal static class StringExpressions
{
    public static void Register(Dictionary<string, Func<BsonValue, Expr>> operators)
    {
        operators["$concat"] = spec => new CallExpr(Arguments(spec), (v, _) => Concat(v));
        operators["$toLower"] = spec => new CallExpr(Arguments("$toLower", spec, 1), (v, _) => new BsonString(AsText("$toLower", v[0]).ToLowerInvariant()));
        operators["$toUpper"] = spec => new CallExpr(Arguments("$toUpper", spec, 1), (v, _) => new BsonString(AsText("$toUpper", v[0]).ToUpperInvariant()));
        operators["$substr"] = spec => new CallExpr(Arguments("$substr", spec, 3), (v, _) => SubstrBytes("$substr", v));
        operators["$substrBytes"] = spec => new CallExpr(Arguments("$substrBytes", spec, 3), (v, _) => SubstrBytes("$substrBytes", v));
        operators["$substrCP"] = spec => new CallExpr(Arguments("$substrCP", spec, 3), (v, _) => SubstrCodePoints(v));
        operators["$strLenCP"] = spec => new CallExpr(Arguments("$strLenCP", spec, 1), (v, _) =>
            new BsonInt32(v[0] is BsonString s ? s.Value.EnumerateRunes().Count() : throw new MongoCommandError(34471, "Location34471", $"$strLenCP requires a string argument, found: {Values.TypeName(v[0])}")));
    }

    /// <summary>The string form MongoDB's string operators accept: strings, numbers, dates; null and missing are "".</summary>
    public static string AsText(string op, BsonValue? value) => value?.BsonType switch
    {
        null or BsonType.Null or BsonType.Undefined => string.Empty,
        BsonType.String => value.AsString,
        BsonType.Symbol => value.AsBsonSymbol.Name,
        BsonType.Int32 or BsonType.Int64 or BsonType.Double or BsonType.Decimal128 => TypeExpressions.NumberToString(value),
        BsonType.DateTime => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        _ => throw new MongoCommandError(16007, "Location16007", $"can't convert from BSON type {Values.TypeName(value)} to String"),
    };

    private static BsonValue Concat(BsonValue?[] args)
    {
        var builder = new StringBuilder();
        foreach (var v in args)
        {
            if (Values.IsNullish(v))
            {
                return BsonNull.Value;
            }

            builder.Append(v is BsonString s ? s.Value : throw new MongoCommandError(16702, "Location16702", $"$concat only supports strings, not {Values.TypeName(v)}"));
        }

        return new BsonString(builder.ToString());
    }

    private static BsonString SubstrBytes(string op, BsonValue?[] v)
    {
        var bytes = Encoding.UTF8.GetBytes(AsText(op, v[0]));
        var start = Integer(op, v[1], "starting index");
        var length = Integer(op, v[2], "length");
        if (start < 0)
        {
            throw new MongoCommandError(50752, "Location50752", $"{op}: starting index must be non-negative (got: {start})");
        }

        start = Math.Min(start, bytes.Length);
        var count = length < 0 ? bytes.Length - start : Math.Min(length, bytes.Length - start);
        return new BsonString(Encoding.UTF8.GetString(bytes, start, count));
    }

    private static BsonString SubstrCodePoints(BsonValue?[] v)
    {
        var runes = AsText("$substrCP", v[0]).EnumerateRunes().ToArray();
        var start = Math.Clamp(Integer("$substrCP", v[1], "starting index"), 0, runes.Length);
        var length = Integer("$substrCP", v[2], "length");
        var count = length < 0 ? runes.Length - start : Math.Min(length, runes.Length - start);
        return new BsonString(string.Concat(runes.Skip(start).Take(count).Select(r => r.ToString())));
    }

    private static int Integer(string op, BsonValue? value, string what) =>
        value is not null && BsonValueOrder.IsNumber(value)
            ? (int)Math.Clamp(NumericOrder.ToDouble(value), int.MinValue, int.MaxValue)
            : throw new MongoCommandError(16034, "Location16034", $"{op}: {what} must be a numeric type (is BSON type {Values.TypeName(value)})");
}
