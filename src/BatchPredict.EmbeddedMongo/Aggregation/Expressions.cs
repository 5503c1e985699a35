using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Aggregation;

/// <summary>Evaluates one aggregation expression against a document (field paths, system variables, operators).</summary>
public static class Expressions
{
    /// <summary>Evaluates <paramref name="expression"/> with $$ROOT = $$CURRENT = <paramref name="root"/>; a missing result is null.</summary>
    public static BsonValue Evaluate(BsonValue expression, BsonDocument root, IReadOnlyDictionary<string, BsonValue>? variables, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(root);
        var compiled = ExpressionCompiler.Compile(expression);
        return compiled.Evaluate(new EvalContext(root, root, Scope.From(variables), now)) ?? BsonNull.Value;
    }
}
