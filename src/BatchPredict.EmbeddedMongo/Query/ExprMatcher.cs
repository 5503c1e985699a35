using BatchPredict.EmbeddedMongo.Aggregation;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>$expr: an aggregation expression, compiled once, that must be truthy for the document.</summary>
internal sealed class ExprMatcher(BsonValue expression, FilterContext? context) : DocumentMatcher
{
    private readonly Expr _expression = ExpressionCompiler.Compile(expression);
    private readonly Scope? _variables = Scope.From(context?.Variables);

    // Without a context there is no clock: $$NOW then reads as the Unix epoch rather than a machine clock (the server always passes one).
    private readonly DateTime _now = context?.Now ?? DateTime.UnixEpoch;

    public override bool Matches(BsonDocument document, ref int position) =>
        Values.IsTruthy(_expression.Evaluate(new EvalContext(document, document, _variables, _now)));
}
