using BatchPredict.EmbeddedMongo.Aggregation;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Tests.Aggregation;

internal static class ExpressionTestData
{
    public static readonly DateTime Now = new(2024, 3, 10, 15, 30, 0, DateTimeKind.Utc);

    public const string Doc = "{_id: 1, a: 5, b: 2, s: 'Hello', n: null, l: [1, 2, 3], d: ISODate('2024-03-10T15:30:45.123Z'), o: {x: 1, y: [{z: 1}, {z: 2}]}}";

    public static BsonValue Eval(string expression, string document = Doc) =>
        Expressions.Evaluate(BsonDocument.Parse("{e: " + expression + "}")["e"], BsonDocument.Parse(document), null, Now);

    public static BsonValue Value(string json) => BsonDocument.Parse("{v: " + json + "}")["v"];
}
