using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Update;

/// <summary>Arithmetic on BSON numbers with MongoDB's result types, shared by update operators and expressions.</summary>
internal static class Numbers
{
    public static BsonValue Add(BsonValue x, BsonValue y) => Combine(x, y, static (a, b) => a + b, static (a, b) => a + b, static (a, b) => checked(a + b));

    public static BsonValue Subtract(BsonValue x, BsonValue y) => Combine(x, y, static (a, b) => a - b, static (a, b) => a - b, static (a, b) => checked(a - b));

    public static BsonValue Multiply(BsonValue x, BsonValue y) => Combine(x, y, static (a, b) => a * b, static (a, b) => a * b, static (a, b) => checked(a * b));

    public static decimal ToDecimal(BsonValue value) => value.BsonType switch
    {
        BsonType.Int32 => value.AsInt32,
        BsonType.Int64 => value.AsInt64,
        BsonType.Double => (decimal)value.AsDouble,
        _ => Decimal128.ToDecimal(value.AsDecimal128),
    };

    /// <summary>The widest of the two types wins: decimal, then double, then int64, then int32 (widened on overflow).</summary>
    private static BsonValue Combine(BsonValue x, BsonValue y, Func<decimal, decimal, decimal> onDecimal, Func<double, double, double> onDouble, Func<long, long, long> onLong)
    {
        if (x.BsonType == BsonType.Decimal128 || y.BsonType == BsonType.Decimal128)
        {
            return new BsonDecimal128(new Decimal128(onDecimal(ToDecimal(x), ToDecimal(y))));
        }

        if (x.BsonType == BsonType.Double || y.BsonType == BsonType.Double)
        {
            return new BsonDouble(onDouble(NumericOrder.ToDouble(x), NumericOrder.ToDouble(y)));
        }

        long result;
        try
        {
            result = onLong(ToLong(x), ToLong(y));
        }
        catch (OverflowException)
        {
            // MongoDB's int64 arithmetic overflowing falls back to a double.
            return new BsonDouble(onDouble(NumericOrder.ToDouble(x), NumericOrder.ToDouble(y)));
        }

        return x.BsonType == BsonType.Int32 && y.BsonType == BsonType.Int32 && result is >= int.MinValue and <= int.MaxValue
            ? new BsonInt32((int)result)
            : new BsonInt64(result);
    }

    private static long ToLong(BsonValue value) => value.BsonType == BsonType.Int32 ? value.AsInt32 : value.AsInt64;
}
