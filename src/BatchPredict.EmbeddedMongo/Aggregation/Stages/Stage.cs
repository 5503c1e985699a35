using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Aggregation.Stages;

/// <summary>One compiled pipeline stage; stages stream where MongoDB's do and buffer where they must ($sort, $group).</summary>
internal abstract class Stage
{
    public abstract IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageContext context);
}

/// <summary>What stages share while compiling and running: the host, the clock and the pipeline's variables.</summary>
internal sealed class StageContext(IAggregationHost? host, DateTime now, IReadOnlyDictionary<string, BsonValue> variables)
{
    public IAggregationHost? Host { get; } = host;

    public DateTime Now { get; } = now;

    public IReadOnlyDictionary<string, BsonValue> Variables { get; } = variables;

    public Scope? Scope { get; } = Aggregation.Scope.From(variables);

    public EvalContext For(BsonDocument document) => new(document, document, Scope, Now);

    public IAggregationHost RequireHost(string stage) =>
        Host ?? throw MongoCommandError.NotSupported($"{stage} in this context");
}
