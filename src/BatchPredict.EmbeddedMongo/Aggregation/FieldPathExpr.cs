using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Aggregation;

/// <summary>
/// <c>$a.b</c> (on $$CURRENT) or <c>$$var.a.b</c>: walks embedded documents; through an array it collects the field
/// of each element document into an array, as MongoDB's expression field paths do (numbers are field names here).
/// </summary>
internal sealed class FieldPathExpr(string? variable, string[] parts) : Expr
{
    public string? Variable { get; } = variable;

    public string[] Parts { get; } = parts;

    public override BsonValue? Evaluate(EvalContext context)
    {
        var start = Variable switch
        {
            null or "CURRENT" => context.Current,
            "ROOT" => context.Root,
            "NOW" => new BsonDateTime(context.Now),
            "REMOVE" => null,
            _ => context.Variables is not null && context.Variables.TryGet(Variable, out var v)
                ? v
                : throw new MongoCommandError(17276, "Location17276", $"Use of undefined variable: {Variable}"),
        };
        return start is null ? null : Walk(start, 0);
    }

    private BsonValue? Walk(BsonValue value, int part)
    {
        if (part == Parts.Length)
        {
            return value;
        }

        switch (value)
        {
            case BsonDocument document:
                return document.TryGetValue(Parts[part], out var child) ? Walk(child, part + 1) : null;
            case BsonArray array:
                var result = new BsonArray();
                foreach (var element in array)
                {
                    if (element is BsonDocument or BsonArray && Walk(element, part) is { } found)
                    {
                        result.Add(found);
                    }
                }

                return result;
            default:
                return null;
        }
    }
}
