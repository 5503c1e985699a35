using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Aggregation;

/// <summary>$rand: a double in [0, 1), a fresh one at each evaluation.</summary>
internal static class RandExpression
{
    public static void Register(Dictionary<string, Func<BsonValue, Expr>> operators) =>
        operators["$rand"] = spec => spec is BsonDocument { ElementCount: 0 }
            ? new LazyExpr(_ => new BsonDouble(Random.Shared.NextDouble()))
            : throw new MongoCommandError(3040501, "Location3040501", $"$rand only supports an empty object as its argument, not {spec}");
}
