using BatchPredict.EmbeddedMongo.Aggregation.Stages;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Aggregation;

/// <summary>
/// A compiled aggregation pipeline. <see cref="Execute"/> runs every stage except a final $out, whose target is
/// exposed in <see cref="OutTarget"/> for the server to write the results to.
/// </summary>
public sealed class Pipeline
{
    private readonly CompiledPipeline _compiled;
    private readonly StageContext _context;

    private Pipeline(CompiledPipeline compiled, StageContext context, BsonDocument? leadingMatch, (string?, string)? outTarget)
    {
        _compiled = compiled;
        _context = context;
        LeadingMatch = leadingMatch;
        OutTarget = outTarget;
    }

    /// <summary>The first stage's $match filter, so the server may narrow the input with an index.</summary>
    public BsonDocument? LeadingMatch { get; }

    public (string? Database, string Collection)? OutTarget { get; }

    /// <summary>Compiles the stages; <paramref name="let"/> holds the command's variables (expressions evaluated once, with $$NOW).</summary>
    public static Pipeline Compile(BsonArray stages, IAggregationHost host, BsonDocument? let = null)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(host);
        var now = host.Now;
        var variables = new Dictionary<string, BsonValue>(StringComparer.Ordinal);
        foreach (var element in let ?? [])
        {
            var empty = new BsonDocument();
            variables[element.Name] = ExpressionCompiler.Compile(element.Value)
                .Evaluate(new EvalContext(empty, empty, Scope.From(variables), now)) ?? BsonNull.Value;
        }

        var context = new StageContext(host, now, variables);
        var compiled = PipelineCompiler.Compile(stages, context, allowOut: true);
        var leadingMatch = stages.Count > 0 && stages[0] is BsonDocument first && first.GetValue("$match", null) is BsonDocument match ? match : null;
        return new Pipeline(compiled, context, leadingMatch, OutTargetOf(stages));
    }

    public IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _compiled.Execute(input, _context);
    }

    private static (string?, string)? OutTargetOf(BsonArray stages)
    {
        if (stages.Count == 0 || stages[^1] is not BsonDocument last || last.GetValue("$out", null) is not { } spec)
        {
            return null;
        }

        return spec switch
        {
            BsonString { Value.Length: > 0 } collection => (null, collection.Value),
            BsonDocument { ElementCount: > 0 } target when target.GetValue("coll", null) is BsonString { Value.Length: > 0 } coll
                && target.Names.All(n => n is "db" or "coll") && target.GetValue("db", "x").IsString => (target.GetValue("db", null)?.AsString, coll.Value),
            _ => throw new MongoCommandError(16990, "Location16990", $"$out only supports a string or an object with db and coll, not {spec}"),
        };
    }
}
