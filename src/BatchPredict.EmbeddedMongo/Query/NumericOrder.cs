using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>Compares int32, int64, double and decimal128 by value (NaN sorts below every number, as in MongoDB).</summary>
internal static class NumericOrder
{
    public static int Compare(BsonValue x, BsonValue y)
    {
        var tx = x.BsonType;
        var ty = y.BsonType;
        if (IsIntegral(tx) && IsIntegral(ty))
        {
            return ToInt64(x).CompareTo(ToInt64(y));
        }

        if (tx == BsonType.Decimal128 || ty == BsonType.Decimal128)
        {
            return CompareDecimal(x, y);
        }

        if (tx == BsonType.Double && ty == BsonType.Double)
        {
            return CompareDoubles(x.AsDouble, y.AsDouble);
        }

        // One long-ish integer and one double: compare exactly, without rounding the integer to a double.
        return tx == BsonType.Double ? -CompareLongDouble(ToInt64(y), x.AsDouble) : CompareLongDouble(ToInt64(x), y.AsDouble);
    }

    public static int Hash(BsonValue value)
    {
        switch (value.BsonType)
        {
            case BsonType.Int32:
                return ((long)value.AsInt32).GetHashCode();
            case BsonType.Int64:
                return value.AsInt64.GetHashCode();
            case BsonType.Double:
                return HashDouble(value.AsDouble);
            default:
                var d = value.AsDecimal128;
                return Decimal128.IsNaN(d) ? HashDouble(double.NaN) : HashDouble(Decimal128.ToDouble(d));
        }
    }

    public static double ToDouble(BsonValue value) => value.BsonType switch
    {
        BsonType.Int32 => value.AsInt32,
        BsonType.Int64 => value.AsInt64,
        BsonType.Double => value.AsDouble,
        _ => Decimal128.ToDouble(value.AsDecimal128),
    };

    private static bool IsIntegral(BsonType type) => type is BsonType.Int32 or BsonType.Int64;

    private static long ToInt64(BsonValue value) => value.BsonType == BsonType.Int32 ? value.AsInt32 : value.AsInt64;

    private static int HashDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return int.MinValue;
        }

        // Integral doubles hash like the equal long, so 1 and 1.0 land in the same bucket.
        return d >= -9.2233720368547758E18 && d < 9.2233720368547758E18 && Math.Truncate(d) == d ? ((long)d).GetHashCode() : d.GetHashCode();
    }

    private static int CompareDoubles(double a, double b)
    {
        if (double.IsNaN(a))
        {
            return double.IsNaN(b) ? 0 : -1;
        }

        return double.IsNaN(b) ? 1 : a < b ? -1 : a > b ? 1 : 0;
    }

    private static int CompareLongDouble(long l, double d)
    {
        if (double.IsNaN(d))
        {
            return 1;
        }

        if (d >= 9.2233720368547758E18)
        {
            return -1;
        }

        if (d < -9.2233720368547758E18)
        {
            return 1;
        }

        var truncated = Math.Truncate(d);
        var whole = (long)truncated;
        if (l != whole)
        {
            return l < whole ? -1 : 1;
        }

        return d > truncated ? -1 : d < truncated ? 1 : 0;
    }

    private static int CompareDecimal(BsonValue x, BsonValue y)
    {
        var dx = ToDecimal128(x);
        var dy = ToDecimal128(y);
        var nx = Decimal128.IsNaN(dx);
        var ny = Decimal128.IsNaN(dy);
        if (nx || ny)
        {
            return nx && ny ? 0 : nx ? -1 : 1;
        }

        return Math.Sign(dx.CompareTo(dy));
    }

    private static Decimal128 ToDecimal128(BsonValue value) => value.BsonType switch
    {
        BsonType.Int32 => new Decimal128(value.AsInt32),
        BsonType.Int64 => new Decimal128(value.AsInt64),
        BsonType.Double => FromDouble(value.AsDouble),
        _ => value.AsDecimal128,
    };

    private static Decimal128 FromDouble(double d) =>
        double.IsNaN(d) ? Decimal128.QNaN
        : double.IsPositiveInfinity(d) ? Decimal128.PositiveInfinity
        : double.IsNegativeInfinity(d) ? Decimal128.NegativeInfinity
        : new Decimal128(d);
}
