using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;
using static BatchPredict.EmbeddedMongo.Aggregation.ExpressionCompiler;

namespace BatchPredict.EmbeddedMongo.Aggregation;

/// <summary>$size $arrayElemAt $in $filter $map $concatArrays $isArray $mergeObjects.</summary>
internal static class ArrayExpressions
{
    public static void Register(Dictionary<string, Func<BsonValue, Expr>> operators)
    {
        operators["$size"] = spec => new CallExpr(Arguments("$size", spec, 1), (v, _) => v[0] is BsonArray a
            ? new BsonInt32(a.Count)
            : throw new MongoCommandError(17124, "Location17124", $"The argument to $size must be an array. Type of argument: {Values.TypeName(v[0])}"));
        operators["$arrayElemAt"] = spec => new CallExpr(Arguments("$arrayElemAt", spec, 2), (v, _) => ElementAt(v[0], v[1]));
        operators["$in"] = spec => new CallExpr(Arguments("$in", spec, 2), (v, _) => v[1] is BsonArray a
            ? (BsonBoolean)a.Any(e => BsonValueOrder.AreEqual(e, Values.ForComparison(v[0])))
            : throw new MongoCommandError(40081, "Location40081", $"$in requires an array as a second argument, found: {Values.TypeName(v[1])}"));
        operators["$isArray"] = spec => new CallExpr(Arguments("$isArray", spec, 1), (v, _) => (BsonBoolean)(v[0] is BsonArray));
        operators["$concatArrays"] = spec => new CallExpr(Arguments(spec), (v, _) => ConcatArrays(v));
        operators["$mergeObjects"] = spec => new CallExpr(Arguments(spec), (v, _) => MergeObjects(v));
        operators["$filter"] = Filter;
        operators["$map"] = Map;
    }

    private static BsonValue? ElementAt(BsonValue? array, BsonValue? index)
    {
        if (Values.IsNullish(array) || Values.IsNullish(index))
        {
            return BsonNull.Value;
        }

        if (array is not BsonArray items)
        {
            throw new MongoCommandError(28689, "Location28689", $"$arrayElemAt's first argument must be an array, but is {Values.TypeName(array)}");
        }

        if (!BsonValueOrder.IsNumber(index!) || NumericOrder.ToDouble(index!) != Math.Truncate(NumericOrder.ToDouble(index!)))
        {
            throw new MongoCommandError(28690, "Location28690", $"$arrayElemAt's second argument must be a numeric value, but is {Values.TypeName(index)}");
        }

        var i = (long)NumericOrder.ToDouble(index!);
        var at = i < 0 ? items.Count + i : i;
        return at >= 0 && at < items.Count ? items[(int)at] : null;
    }

    private static BsonValue ConcatArrays(BsonValue?[] args)
    {
        var result = new BsonArray();
        foreach (var v in args)
        {
            if (Values.IsNullish(v))
            {
                return BsonNull.Value;
            }

            result.AddRange(v as BsonArray ?? throw new MongoCommandError(28664, "Location28664", $"$concatArrays only supports arrays, not {Values.TypeName(v)}"));
        }

        return result;
    }

    private static BsonDocument MergeObjects(BsonValue?[] args)
    {
        var result = new BsonDocument();
        foreach (var v in args.Length == 1 && args[0] is BsonArray list ? list.ToArray() : args)
        {
            if (Values.IsNullish(v))
            {
                continue;
            }

            foreach (var element in v as BsonDocument ?? throw new MongoCommandError(40400, "Location40400", $"$mergeObjects requires object inputs, but input is of type {Values.TypeName(v)}"))
            {
                result[element.Name] = element.Value;
            }
        }

        return result;
    }

    private static LazyExpr Filter(BsonValue spec)
    {
        var named = NamedArguments("$filter", spec, "input", "as", "cond", "limit");
        var input = Compile(named.GetValue("input", null) ?? throw new MongoCommandError(28648, "Location28648", "Missing 'input' parameter to $filter"));
        var condition = Compile(named.GetValue("cond", null) ?? throw new MongoCommandError(28650, "Location28650", "Missing 'cond' parameter to $filter"));
        var name = named.GetValue("as", "this").AsString;
        var limit = named.Contains("limit") ? Compile(named["limit"]) : null;
        return new LazyExpr(context =>
        {
            var source = input.Evaluate(context);
            if (Values.IsNullish(source))
            {
                return BsonNull.Value;
            }

            var items = source as BsonArray ?? throw new MongoCommandError(28651, "Location28651", $"input to $filter must be an array not {Values.TypeName(source)}");
            var max = limit?.Evaluate(context) is { } l && BsonValueOrder.IsNumber(l) ? (int)NumericOrder.ToDouble(l) : int.MaxValue;
            var result = new BsonArray();
            foreach (var item in items)
            {
                if (result.Count < max && Values.IsTruthy(condition.Evaluate(context.With(name, item))))
                {
                    result.Add(item);
                }
            }

            return result;
        });
    }

    private static LazyExpr Map(BsonValue spec)
    {
        var named = NamedArguments("$map", spec, "input", "as", "in");
        var input = Compile(named.GetValue("input", null) ?? throw new MongoCommandError(16880, "Location16880", "Missing 'input' parameter to $map"));
        var body = Compile(named.GetValue("in", null) ?? throw new MongoCommandError(16882, "Location16882", "Missing 'in' parameter to $map"));
        var name = named.GetValue("as", "this").AsString;
        return new LazyExpr(context =>
        {
            var source = input.Evaluate(context);
            if (Values.IsNullish(source))
            {
                return BsonNull.Value;
            }

            var items = source as BsonArray ?? throw new MongoCommandError(16883, "Location16883", $"input to $map must be an array not {Values.TypeName(source)}");
            return new BsonArray(items.Select(item => body.Evaluate(context.With(name, item)) ?? BsonNull.Value));
        });
    }
}
