using MongoDB.Bson;
using static BatchPredict.EmbeddedMongo.Aggregation.ExpressionCompiler;

namespace BatchPredict.EmbeddedMongo.Aggregation;

/// <summary>
/// $getField, $setField and $unsetField (MongoDB 5.0): read or change one field by its literal name, so names that
/// contain '.' or start with '$' can be reached, which field paths cannot do.
/// </summary>
internal static class FieldExpressions
{
    public static void Register(Dictionary<string, Func<BsonValue, Expr>> operators)
    {
        operators["$getField"] = CompileGet;
        operators["$setField"] = spec => CompileSet("$setField", spec, withValue: true);
        operators["$unsetField"] = spec => CompileSet("$unsetField", spec, withValue: false);
    }

    private static Expr CompileGet(BsonValue spec)
    {
        // {$getField: "name"} (or an operator such as {$literal: "$name"}) is shorthand for {field: ..., input: "$$CURRENT"}.
        if (spec is not BsonDocument document || (document.ElementCount > 0 && document.GetElement(0).Name.StartsWith('$')))
        {
            var shorthand = ConstantField("$getField", spec);
            return new LazyExpr(context => Get(shorthand, context.Current));
        }

        RejectUnknown("$getField", document, 3041701, "field", "input");
        var field = ConstantField("$getField", Required("$getField", document, "field", 3041702));
        var input = document.TryGetValue("input", out var inputSpec) ? Compile(inputSpec) : new FieldPathExpr("CURRENT", []);
        return new LazyExpr(context =>
        {
            var value = input.Evaluate(context);
            return Values.IsNullish(value) ? BsonNull.Value
                : value is BsonDocument target ? Get(field, target)
                : throw new MongoCommandError(3041705, "Location3041705", $"$getField requires 'input' to evaluate to type Object, but got {Values.TypeName(value)}");
        });
    }

    private static BsonValue? Get(string field, BsonValue current) =>
        current is BsonDocument document && document.TryGetValue(field, out var value) ? value : null;

    private static Expr CompileSet(string op, BsonValue spec, bool withValue)
    {
        if (spec is not BsonDocument document)
        {
            throw new MongoCommandError(4161100, "Location4161100", $"{op} only supports an object as its argument");
        }

        string[] allowed = withValue ? ["field", "input", "value"] : ["field", "input"];
        RejectUnknown(op, document, 4161101, allowed);
        var field = ConstantField(op, Required(op, document, "field", 4161102));
        var input = Compile(Required(op, document, "input", 4161103));
        var value = withValue ? Compile(Required(op, document, "value", 4161104)) : null;
        return new LazyExpr(context =>
        {
            var target = input.Evaluate(context);
            if (Values.IsNullish(target))
            {
                return BsonNull.Value;
            }

            if (target is not BsonDocument original)
            {
                throw new MongoCommandError(4161105, "Location4161105", $"{op} requires 'input' to evaluate to type Object, but got {Values.TypeName(target)}");
            }

            // A missing value (e.g. $$REMOVE) removes the field, as $unsetField does.
            return With(original, field, value?.Evaluate(context));
        });
    }

    /// <summary>A copy of <paramref name="original"/> with the field replaced in place, appended, or removed (null).</summary>
    private static BsonDocument With(BsonDocument original, string field, BsonValue? value)
    {
        var result = new BsonDocument();
        var replaced = false;
        foreach (var element in original)
        {
            if (element.Name != field)
            {
                result.Add(element);
            }
            else if (value is not null)
            {
                result.Add(field, value);
                replaced = true;
            }
        }

        if (value is not null && !replaced)
        {
            result.Add(field, value);
        }

        return result;
    }

    // MongoDB 6.0 takes the field name only as a constant string ({$literal: "$a"} for names starting with '$').
    private static string ConstantField(string op, BsonValue spec) =>
        Compile(spec) is LiteralExpr { Value: BsonString name }
            ? name.Value
            : throw new MongoCommandError(5654601, "Location5654601", $"{op} requires 'field' to evaluate to a constant string, but got {spec}");

    private static BsonValue Required(string op, BsonDocument document, string name, int code) =>
        document.TryGetValue(name, out var value)
            ? value
            : throw new MongoCommandError(code, $"Location{code}", $"{op} requires '{name}' to be specified");

    private static void RejectUnknown(string op, BsonDocument document, int code, params string[] allowed)
    {
        foreach (var element in document)
        {
            if (!allowed.Contains(element.Name))
            {
                throw new MongoCommandError(code, $"Location{code}", $"{op} found an unknown argument: {element.Name}");
            }
        }
    }
}
