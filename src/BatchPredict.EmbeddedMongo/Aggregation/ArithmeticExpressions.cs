using BatchPredict.EmbeddedMongo.Query;
using BatchPredict.EmbeddedMongo.Update;
using MongoDB.Bson;
using static BatchPredict.EmbeddedMongo.Aggregation.ExpressionCompiler;

namespace BatchPredict.EmbeddedMongo.Aggregation;

/// <summary>$add $subtract $multiply $divide $mod $abs and the array forms of $sum $avg $min $max.</summary>
internal static class ArithmeticExpressions
{
    public static void Register(Dictionary<string, Func<BsonValue, Expr>> operators)
    {
        operators["$add"] = spec => new CallExpr(Arguments(spec), (v, _) => Add(v));
        operators["$multiply"] = spec => new CallExpr(Arguments(spec), (v, _) => Fold("$multiply", v, new BsonInt32(1), Numbers.Multiply));
        operators["$subtract"] = spec => new CallExpr(Arguments("$subtract", spec, 2), (v, _) => Subtract(v[0], v[1]));
        operators["$divide"] = spec => new CallExpr(Arguments("$divide", spec, 2), (v, _) => Divide(v[0], v[1]));
        operators["$mod"] = spec => new CallExpr(Arguments("$mod", spec, 2), (v, _) => Mod(v[0], v[1]));
        operators["$abs"] = spec => new CallExpr(Arguments("$abs", spec, 1), (v, _) => Abs(v[0]));
        operators["$sum"] = spec => new CallExpr(Arguments(spec), (v, _) => Sum(Flatten(v)));
        operators["$avg"] = spec => new CallExpr(Arguments(spec), (v, _) => Average(Flatten(v)));
        operators["$min"] = spec => new CallExpr(Arguments(spec), (v, _) => Extreme(Flatten(v), -1));
        operators["$max"] = spec => new CallExpr(Arguments(spec), (v, _) => Extreme(Flatten(v), 1));
    }

    public static BsonValue Sum(IEnumerable<BsonValue?> values)
    {
        BsonValue total = new BsonInt32(0);
        foreach (var v in values)
        {
            if (v is not null && BsonValueOrder.IsNumber(v))
            {
                total = Numbers.Add(total, v);
            }
        }

        return total;
    }

    public static BsonValue Average(IEnumerable<BsonValue?> values)
    {
        var numbers = values.Where(v => v is not null && BsonValueOrder.IsNumber(v)).ToList();
        if (numbers.Count == 0)
        {
            return BsonNull.Value;
        }

        var total = Sum(numbers);
        return total.BsonType == BsonType.Decimal128
            ? new BsonDecimal128(new Decimal128(Numbers.ToDecimal(total) / numbers.Count))
            : new BsonDouble(NumericOrder.ToDouble(total) / numbers.Count);
    }

    /// <summary>The smallest (-1) or largest (1) value, ignoring null and missing; null when there is none.</summary>
    public static BsonValue Extreme(IEnumerable<BsonValue?> values, int direction)
    {
        BsonValue? best = null;
        foreach (var v in values)
        {
            if (!Values.IsNullish(v) && (best is null || BsonValueOrder.Compare(v!, best) * direction > 0))
            {
                best = v;
            }
        }

        return best ?? BsonNull.Value;
    }

    // A single array argument is the list itself ({$sum: "$scores"}); several arguments are the list.
    private static IEnumerable<BsonValue?> Flatten(BsonValue?[] args) => args.Length == 1 && args[0] is BsonArray array ? array : args;

    private static BsonValue? Add(BsonValue?[] args)
    {
        BsonValue total = new BsonInt32(0);
        long? dateMillis = null;
        foreach (var v in args)
        {
            if (Values.IsNullish(v))
            {
                return BsonNull.Value;
            }

            if (v!.BsonType == BsonType.DateTime)
            {
                dateMillis = dateMillis is null
                    ? v.AsBsonDateTime.MillisecondsSinceEpoch
                    : throw new MongoCommandError(16612, "Location16612", "only one date allowed in an $add expression");
            }
            else if (BsonValueOrder.IsNumber(v))
            {
                total = Numbers.Add(total, v);
            }
            else
            {
                throw MongoCommandError.TypeMismatch($"$add only supports numeric or date types, not {Values.TypeName(v)}");
            }
        }

        return dateMillis is { } ms ? new BsonDateTime(ms + (long)Math.Round(NumericOrder.ToDouble(total))) : total;
    }

    private static BsonValue? Fold(string op, BsonValue?[] args, BsonValue seed, Func<BsonValue, BsonValue, BsonValue> combine)
    {
        var result = seed;
        foreach (var v in args)
        {
            if (Values.IsNullish(v))
            {
                return BsonNull.Value;
            }

            result = BsonValueOrder.IsNumber(v!) ? combine(result, v!) : throw MongoCommandError.TypeMismatch($"{op} only supports numeric types, not {Values.TypeName(v)}");
        }

        return result;
    }

    private static BsonValue Subtract(BsonValue? x, BsonValue? y)
    {
        if (Values.IsNullish(x) || Values.IsNullish(y))
        {
            return BsonNull.Value;
        }

        if (x!.BsonType == BsonType.DateTime && y!.BsonType == BsonType.DateTime)
        {
            return new BsonInt64(x.AsBsonDateTime.MillisecondsSinceEpoch - y.AsBsonDateTime.MillisecondsSinceEpoch);
        }

        if (x.BsonType == BsonType.DateTime && BsonValueOrder.IsNumber(y!))
        {
            return new BsonDateTime(x.AsBsonDateTime.MillisecondsSinceEpoch - (long)Math.Round(NumericOrder.ToDouble(y!)));
        }

        return BsonValueOrder.IsNumber(x) && BsonValueOrder.IsNumber(y!)
            ? Numbers.Subtract(x, y!)
            : throw MongoCommandError.TypeMismatch($"can't $subtract {Values.TypeName(y)} from {Values.TypeName(x)}");
    }

    private static BsonValue Divide(BsonValue? x, BsonValue? y)
    {
        if (Values.IsNullish(x) || Values.IsNullish(y))
        {
            return BsonNull.Value;
        }

        if (!BsonValueOrder.IsNumber(x!) || !BsonValueOrder.IsNumber(y!))
        {
            throw MongoCommandError.TypeMismatch($"$divide only supports numeric types, not {Values.TypeName(x)} and {Values.TypeName(y)}");
        }

        if (NumericOrder.ToDouble(y!) == 0)
        {
            throw MongoCommandError.BadValue("can't $divide by zero");
        }

        return x!.BsonType == BsonType.Decimal128 || y!.BsonType == BsonType.Decimal128
            ? new BsonDecimal128(new Decimal128(Numbers.ToDecimal(x) / Numbers.ToDecimal(y!)))
            : new BsonDouble(NumericOrder.ToDouble(x) / NumericOrder.ToDouble(y!));
    }

    private static BsonValue Mod(BsonValue? x, BsonValue? y)
    {
        if (Values.IsNullish(x) || Values.IsNullish(y))
        {
            return BsonNull.Value;
        }

        if (!BsonValueOrder.IsNumber(x!) || !BsonValueOrder.IsNumber(y!))
        {
            throw new MongoCommandError(16611, "Location16611", $"$mod only supports numeric types, not {Values.TypeName(x)} and {Values.TypeName(y)}");
        }

        if (NumericOrder.ToDouble(y!) == 0)
        {
            throw new MongoCommandError(16610, "Location16610", "can't $mod by zero");
        }

        if (x!.BsonType is BsonType.Double or BsonType.Decimal128 || y!.BsonType is BsonType.Double or BsonType.Decimal128)
        {
            return x.BsonType == BsonType.Decimal128 || y!.BsonType == BsonType.Decimal128
                ? new BsonDecimal128(new Decimal128(Numbers.ToDecimal(x) % Numbers.ToDecimal(y!)))
                : new BsonDouble(NumericOrder.ToDouble(x) % NumericOrder.ToDouble(y!));
        }

        var remainder = (x.BsonType == BsonType.Int32 ? x.AsInt32 : x.AsInt64) % (y.BsonType == BsonType.Int32 ? y.AsInt32 : y.AsInt64);
        return x.BsonType == BsonType.Int32 && y.BsonType == BsonType.Int32 ? new BsonInt32((int)remainder) : new BsonInt64(remainder);
    }

    private static BsonValue Abs(BsonValue? x)
    {
        if (Values.IsNullish(x))
        {
            return BsonNull.Value;
        }

        return x!.BsonType switch
        {
            BsonType.Int32 => x.AsInt32 == int.MinValue ? new BsonInt64(-(long)int.MinValue) : new BsonInt32(Math.Abs(x.AsInt32)),
            BsonType.Int64 => new BsonInt64(Math.Abs(x.AsInt64)),
            BsonType.Double => new BsonDouble(Math.Abs(x.AsDouble)),
            BsonType.Decimal128 => new BsonDecimal128(new Decimal128(Math.Abs(Numbers.ToDecimal(x)))),
            _ => throw new MongoCommandError(28765, "Location28765", $"$abs only supports numeric types, not {Values.TypeName(x)}"),
        };
    }
}
