using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// $lookup: joins documents of another collection of the same database into an array field, by localField /
/// foreignField equality (an array local value matches any element), by a sub-pipeline with let variables, or both.
/// </summary>
internal sealed class LookupStage : Stage
{
    private string _from = "";
    private string _as = "";
    private string? _localField;
    private string? _foreignField;
    private (string Name, Expr Value)[] _let = [];
    private BsonArray? _pipeline;

    public static LookupStage Parse(BsonValue spec)
    {
        var options = spec as BsonDocument ?? throw MongoCommandError.FailedToParse("the $lookup specification must be an Object");
        var stage = new LookupStage();
        foreach (var element in options)
        {
            switch (element.Name)
            {
                case "from":
                    stage._from = element.Value.IsString ? element.Value.AsString : throw MongoCommandError.NotSupported("$lookup from another database");
                    break;
                case "as":
                    stage._as = RequireString(element);
                    break;
                case "localField":
                    stage._localField = RequireString(element);
                    break;
                case "foreignField":
                    stage._foreignField = RequireString(element);
                    break;
                case "let":
                    stage._let = [.. (element.Value as BsonDocument ?? throw MongoCommandError.FailedToParse("$lookup argument 'let' must be an object"))
                        .Select(e => (e.Name, ExpressionCompiler.Compile(e.Value)))];
                    break;
                case "pipeline":
                    stage._pipeline = element.Value as BsonArray ?? throw MongoCommandError.FailedToParse("$lookup argument 'pipeline' must be an array");
                    break;
                default:
                    throw MongoCommandError.FailedToParse($"unknown argument to $lookup: {element.Name}");
            }
        }

        if (stage._from.Length == 0 || stage._as.Length == 0)
        {
            throw MongoCommandError.FailedToParse("$lookup requires 'from' and 'as'");
        }

        if ((stage._localField is null) != (stage._foreignField is null) || (stage._localField is null && stage._pipeline is null))
        {
            throw MongoCommandError.FailedToParse("$lookup requires either both localField and foreignField, or a pipeline");
        }

        return stage;
    }

    private static string RequireString(BsonElement element) =>
        element.Value.IsString ? element.Value.AsString : throw MongoCommandError.FailedToParse($"$lookup argument '{element.Name}: {element.Value}' must be a string");

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageContext context)
    {
        var host = context.RequireHost("$lookup");
        foreach (var document in input)
        {
            IEnumerable<BsonDocument> joined = host.Scan(_from);
            if (_localField is not null)
            {
                var equality = Filter.Compile(new BsonDocument(_foreignField!, new BsonDocument("$in", LocalValues(document))));
                joined = joined.Where(equality.Matches);
            }

            if (_pipeline is not null)
            {
                var evaluation = context.For(document);
                var variables = new Dictionary<string, BsonValue>(context.Variables);
                foreach (var (name, value) in _let)
                {
                    variables[name] = value.Evaluate(evaluation) ?? BsonNull.Value;
                }

                var sub = new StageContext(host, context.Now, variables);
                joined = PipelineCompiler.Compile(_pipeline, sub, allowOut: false).Execute(joined, sub);
            }

            var result = (BsonDocument)document.Clone();
            SetPath(result, _as.Split('.'), new BsonArray(joined));
            yield return result;
        }
    }

    // The local value, or each element of an array value; a missing or null local value matches null and missing.
    private BsonArray LocalValues(BsonDocument document)
    {
        var value = new FieldPathExpr(null, _localField!.Split('.')).Evaluate(new EvalContext(document, document, null, default));
        return value switch
        {
            null => [BsonNull.Value],
            BsonArray array => array.Count == 0 ? [BsonNull.Value] : array,
            _ => [value],
        };
    }

    private static void SetPath(BsonDocument document, string[] parts, BsonValue value)
    {
        var current = document;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var next = current.GetValue(parts[i], null) is BsonDocument d ? (BsonDocument)d.Clone() : [];
            current[parts[i]] = next;
            current = next;
        }

        current[parts[^1]] = value;
    }
}
