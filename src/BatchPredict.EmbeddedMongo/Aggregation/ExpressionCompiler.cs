using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Aggregation;

/// <summary>Compiles aggregation expressions once into <see cref="Expr"/> trees.</summary>
internal static class ExpressionCompiler
{
    private static readonly Dictionary<string, Func<BsonValue, Expr>> Operators = BuildOperators();

    public static Expr Compile(BsonValue spec)
    {
        switch (spec)
        {
            case BsonString s when s.Value.StartsWith("$$", StringComparison.Ordinal):
                var parts = s.Value[2..].Split('.');
                return new FieldPathExpr(parts[0], parts[1..]);
            case BsonString s when s.Value.StartsWith('$'):
                if (s.Value.Length == 1)
                {
                    throw new MongoCommandError(16872, "Location16872", "'$' by itself is not a valid FieldPath");
                }

                return new FieldPathExpr(null, s.Value[1..].Split('.'));
            case BsonArray array:
                return new ArrayExpr([.. array.Select(Compile)]);
            case BsonDocument document:
                return CompileDocument(document);
            default:
                return new LiteralExpr(spec);
        }
    }

    /// <summary>Arguments as MongoDB accepts them: an array of expressions, or a single expression.</summary>
    public static Expr[] Arguments(BsonValue spec) => spec is BsonArray array ? [.. array.Select(Compile)] : [Compile(spec)];

    public static Expr[] Arguments(string op, BsonValue spec, int count)
    {
        var args = Arguments(spec);
        return args.Length == count
            ? args
            : throw new MongoCommandError(16020, "Location16020", $"Expression {op} takes exactly {count} arguments. {args.Length} were passed in.");
    }

    public static Expr[] Arguments(string op, BsonValue spec, int min, int max)
    {
        var args = Arguments(spec);
        return args.Length >= min && args.Length <= max
            ? args
            : throw new MongoCommandError(16020, "Location16020", $"Expression {op} takes at least {min} arguments, and at most {max}. {args.Length} were passed in.");
    }

    public static BsonDocument NamedArguments(string op, BsonValue spec, params string[] allowed)
    {
        if (spec is not BsonDocument document)
        {
            throw MongoCommandError.FailedToParse($"{op} only supports an object as its argument");
        }

        foreach (var element in document)
        {
            if (!allowed.Contains(element.Name))
            {
                throw MongoCommandError.FailedToParse($"Unrecognized parameter to {op}: {element.Name}");
            }
        }

        return document;
    }

    private static Expr CompileDocument(BsonDocument document)
    {
        if (document.ElementCount > 0 && document.GetElement(0).Name.StartsWith('$'))
        {
            if (document.ElementCount > 1)
            {
                throw new MongoCommandError(15983, "Location15983", $"an expression specification must contain exactly one field, the name of the expression. Found {document.ElementCount} fields in {document}");
            }

            var (name, argument) = (document.GetElement(0).Name, document.GetElement(0).Value);
            return Operators.TryGetValue(name, out var factory)
                ? factory(argument)
                : throw new MongoCommandError(168, "InvalidPipelineOperator", $"Unrecognized expression '{name}'");
        }

        var fields = new (string, Expr)[document.ElementCount];
        for (var i = 0; i < fields.Length; i++)
        {
            var element = document.GetElement(i);
            if (element.Name.Contains('.', StringComparison.Ordinal))
            {
                throw new MongoCommandError(16412, "Location16412", $"FieldPath field names may not contain '.'. Consider using $getField or $setField.");
            }

            fields[i] = (element.Name, Compile(element.Value));
        }

        return new ObjectExpr(fields);
    }

    private static Dictionary<string, Func<BsonValue, Expr>> BuildOperators()
    {
        var operators = new Dictionary<string, Func<BsonValue, Expr>>(StringComparer.Ordinal)
        {
            ["$literal"] = spec => new LiteralExpr(spec),
        };
        ArithmeticExpressions.Register(operators);
        LogicExpressions.Register(operators);
        StringExpressions.Register(operators);
        ArrayExpressions.Register(operators);
        TypeExpressions.Register(operators);
        DateExpressions.Register(operators);
        return operators;
    }
}
