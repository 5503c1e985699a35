using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;
using static BatchPredict.EmbeddedMongo.Aggregation.ExpressionCompiler;

namespace BatchPredict.EmbeddedMongo.Aggregation;

/// <summary>Comparison ($eq ... $cmp, across types in BSON order), boolean ($and $or $not), conditional and $let.</summary>
internal static class LogicExpressions
{
    public static void Register(Dictionary<string, Func<BsonValue, Expr>> operators)
    {
        Comparison(operators, "$eq", c => c == 0);
        Comparison(operators, "$ne", c => c != 0);
        Comparison(operators, "$gt", c => c > 0);
        Comparison(operators, "$gte", c => c >= 0);
        Comparison(operators, "$lt", c => c < 0);
        Comparison(operators, "$lte", c => c <= 0);
        operators["$cmp"] = spec => new CallExpr(Arguments("$cmp", spec, 2), (v, _) => new BsonInt32(Compare(v[0], v[1])));
        operators["$and"] = spec => And(Arguments(spec));
        operators["$or"] = spec => Or(Arguments(spec));
        operators["$not"] = spec => new CallExpr(Arguments("$not", spec, 1), (v, _) => (BsonBoolean)!Values.IsTruthy(v[0]));
        operators["$cond"] = Cond;
        operators["$ifNull"] = IfNull;
        operators["$switch"] = Switch;
        operators["$let"] = Let;
    }

    private static int Compare(BsonValue? x, BsonValue? y) => BsonValueOrder.Compare(Values.ForComparison(x), Values.ForComparison(y));

    private static void Comparison(Dictionary<string, Func<BsonValue, Expr>> operators, string name, Func<int, bool> test) =>
        operators[name] = spec => new CallExpr(Arguments(name, spec, 2), (v, _) => (BsonBoolean)test(Compare(v[0], v[1])));

    private static LazyExpr And(Expr[] args) => new(context =>
    {
        foreach (var arg in args)
        {
            if (!Values.IsTruthy(arg.Evaluate(context)))
            {
                return BsonBoolean.False;
            }
        }

        return BsonBoolean.True;
    });

    private static LazyExpr Or(Expr[] args) => new(context =>
    {
        foreach (var arg in args)
        {
            if (Values.IsTruthy(arg.Evaluate(context)))
            {
                return BsonBoolean.True;
            }
        }

        return BsonBoolean.False;
    });

    private static LazyExpr Cond(BsonValue spec)
    {
        Expr condition, then, otherwise;
        if (spec is BsonDocument named)
        {
            NamedArguments("$cond", named, "if", "then", "else");
            condition = Compile(named.GetValue("if", null) ?? throw MongoCommandError.FailedToParse("Missing 'if' parameter to $cond"));
            then = Compile(named.GetValue("then", null) ?? throw MongoCommandError.FailedToParse("Missing 'then' parameter to $cond"));
            otherwise = Compile(named.GetValue("else", null) ?? throw MongoCommandError.FailedToParse("Missing 'else' parameter to $cond"));
        }
        else
        {
            var args = Arguments("$cond", spec, 3);
            (condition, then, otherwise) = (args[0], args[1], args[2]);
        }

        return new LazyExpr(context => Values.IsTruthy(condition.Evaluate(context)) ? then.Evaluate(context) : otherwise.Evaluate(context));
    }

    private static LazyExpr IfNull(BsonValue spec)
    {
        var args = Arguments(spec);
        if (args.Length < 2)
        {
            throw new MongoCommandError(1257300, "Location1257300", "$ifNull needs at least two arguments, had: " + args.Length);
        }

        return new LazyExpr(context =>
        {
            for (var i = 0; i < args.Length - 1; i++)
            {
                var value = args[i].Evaluate(context);
                if (!Values.IsNullish(value))
                {
                    return value;
                }
            }

            return args[^1].Evaluate(context);
        });
    }

    private static LazyExpr Switch(BsonValue spec)
    {
        var named = NamedArguments("$switch", spec, "branches", "default");
        if (named.GetValue("branches", null) is not BsonArray branchSpecs)
        {
            throw new MongoCommandError(40061, "Location40061", "$switch requires at least one branch.");
        }

        var branches = branchSpecs.Select(b =>
        {
            var branch = NamedArguments("$switch", b, "case", "then");
            return (Case: Compile(branch.GetValue("case", null) ?? throw new MongoCommandError(40064, "Location40064", "$switch requires each branch have a 'case' expression")),
                Then: Compile(branch.GetValue("then", null) ?? throw new MongoCommandError(40065, "Location40065", "$switch requires each branch have a 'then' expression.")));
        }).ToArray();
        var fallback = named.Contains("default") ? Compile(named["default"]) : null;
        return new LazyExpr(context =>
        {
            foreach (var (test, then) in branches)
            {
                if (Values.IsTruthy(test.Evaluate(context)))
                {
                    return then.Evaluate(context);
                }
            }

            return fallback is not null
                ? fallback.Evaluate(context)
                : throw new MongoCommandError(40066, "Location40066", "$switch could not find a matching branch for an input, and no default was specified.");
        });
    }

    private static LazyExpr Let(BsonValue spec)
    {
        var named = NamedArguments("$let", spec, "vars", "in");
        var vars = (named.GetValue("vars", null) as BsonDocument ?? throw new MongoCommandError(16876, "Location16876", "Missing 'vars' parameter to $let"))
            .Select(e => (e.Name, Value: Compile(e.Value))).ToArray();
        var body = Compile(named.GetValue("in", null) ?? throw new MongoCommandError(16877, "Location16877", "Missing 'in' parameter to $let"));
        return new LazyExpr(context =>
        {
            var scoped = context;
            foreach (var (name, value) in vars)
            {
                scoped = scoped.With(name, value.Evaluate(context) ?? BsonNull.Value);
            }

            return body.Evaluate(scoped);
        });
    }
}
