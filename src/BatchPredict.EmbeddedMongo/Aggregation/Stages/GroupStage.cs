using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Aggregation.Stages;

/// <summary>$group: groups by the _id expression (numerically equal keys are one group) in first-seen order.</summary>
internal sealed class GroupStage : Stage
{
    private readonly Expr _id;
    private readonly (string Name, Expr Argument, Func<Accumulator> Create)[] _fields;

    private GroupStage(Expr id, (string, Expr, Func<Accumulator>)[] fields)
    {
        _id = id;
        _fields = fields;
    }

    public static GroupStage Parse(BsonValue spec)
    {
        var document = spec as BsonDocument ?? throw new MongoCommandError(15947, "Location15947", "a group's fields must be specified in an object");
        if (!document.Contains("_id"))
        {
            throw new MongoCommandError(15955, "Location15955", "a group specification must include an _id");
        }

        var fields = new List<(string, Expr, Func<Accumulator>)>();
        foreach (var element in document)
        {
            if (element.Name == "_id")
            {
                continue;
            }

            if (element.Name.Contains('.', StringComparison.Ordinal))
            {
                throw new MongoCommandError(40235, "Location40235", $"The field name '{element.Name}' cannot contain '.'");
            }

            if (element.Value is not BsonDocument { ElementCount: 1 } accumulator)
            {
                throw new MongoCommandError(40234, "Location40234", $"The field '{element.Name}' must be an accumulator object");
            }

            var (op, argument) = (accumulator.GetElement(0).Name, accumulator.GetElement(0).Value);
            var expression = op == "$count" ? new LiteralExpr(1) : ExpressionCompiler.Compile(argument);
            fields.Add((element.Name, expression, Accumulator.Factory(op, element.Name)));
        }

        return new GroupStage(ExpressionCompiler.Compile(document["_id"]), [.. fields]);
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageContext context)
    {
        var groups = new Dictionary<BsonValue, Accumulator[]>(BsonValueOrder.EqualityComparer);
        var order = new List<BsonValue>();
        foreach (var document in input)
        {
            var evaluation = context.For(document);
            var key = _id.Evaluate(evaluation) ?? BsonNull.Value;
            if (!groups.TryGetValue(key, out var accumulators))
            {
                accumulators = [.. _fields.Select(f => f.Create())];
                groups.Add(key, accumulators);
                order.Add(key);
            }

            for (var i = 0; i < _fields.Length; i++)
            {
                accumulators[i].Add(_fields[i].Argument.Evaluate(evaluation));
            }
        }

        foreach (var key in order)
        {
            var result = new BsonDocument("_id", key);
            var accumulators = groups[key];
            for (var i = 0; i < _fields.Length; i++)
            {
                result.Add(_fields[i].Name, accumulators[i].Result());
            }

            yield return result;
        }
    }
}
