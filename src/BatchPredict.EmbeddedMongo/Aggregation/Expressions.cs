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

    /// <summary>
    /// A command's <c>let</c>: each value is an expression over no document (constants, $literal, $$NOW, earlier
    /// variables), evaluated once in order.
    /// </summary>
    public static IReadOnlyDictionary<string, BsonValue> EvaluateVariables(BsonDocument let, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(let);
        var variables = new Dictionary<string, BsonValue>(StringComparer.Ordinal);
        var empty = new BsonDocument();
        foreach (var element in let)
        {
            variables[element.Name] = ExpressionCompiler.Compile(element.Value)
                .Evaluate(new EvalContext(empty, empty, Scope.From(variables), now)) ?? BsonNull.Value;
        }

        return variables;
    }
}
