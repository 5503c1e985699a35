using BatchPredict.EmbeddedMongo.Aggregation;
using MongoDB.Bson;
using static BatchPredict.EmbeddedMongo.Tests.Aggregation.ExpressionTestData;

namespace BatchPredict.EmbeddedMongo.Tests.Aggregation;

public sealed class FieldExpressionTests
{
    private const string Odd = "{_id: 1, 'a.b': 1, '$c': 2, o: {x: 1, 'y.z': 3}, n: null, s: 'text'}";

    [Theory]
    [InlineData("{$getField: 'a.b'}", "1")]
    [InlineData("{$getField: {$literal: '$c'}}", "2")]
    [InlineData("{$getField: {field: {$literal: '$c'}}}", "2")]
    [InlineData("{$getField: {field: 'y.z', input: '$o'}}", "3")]
    [InlineData("{$getField: {field: 'x', input: '$n'}}", "null")]
    [InlineData("{$getField: {field: 'x', input: '$missing'}}", "null")]
    [InlineData("{$setField: {field: 'a.b', input: '$$ROOT', value: 9}}", "{_id: 1, 'a.b': 9, '$c': 2, o: {x: 1, 'y.z': 3}, n: null, s: 'text'}")]
    [InlineData("{$setField: {field: {$literal: '$d'}, input: '$o', value: '$s'}}", "{x: 1, 'y.z': 3, '$d': 'text'}")]
    [InlineData("{$setField: {field: 'x', input: '$o', value: '$$REMOVE'}}", "{'y.z': 3}")]
    [InlineData("{$setField: {field: 'x', input: '$o', value: '$missing'}}", "{'y.z': 3}")]
    [InlineData("{$setField: {field: 'x', input: '$n', value: 1}}", "null")]
    [InlineData("{$unsetField: {field: 'y.z', input: '$o'}}", "{x: 1}")]
    [InlineData("{$unsetField: {field: 'nope', input: '$o'}}", "{x: 1, 'y.z': 3}")]
    public void Evaluate_FieldOperators_ReturnsExpected(string expression, string expected) =>
        Assert.Equal(Value(expected), Eval(expression, Odd));

    [Theory]
    [InlineData("{$getField: 'nope'}")]
    [InlineData("{$getField: {field: 'x', input: {}}}")]
    public void Evaluate_GetFieldOfAbsentField_IsMissing(string expression) =>
        Assert.Equal(new BsonDocument(), Eval("{k: " + expression + "}", Odd));

    [Fact]
    public void Evaluate_SetFieldOnNewName_AppendsKeepingOrder()
    {
        var result = Eval("{$setField: {field: 'a', input: {z: 1, y: 2}, value: 3}}", Odd).AsBsonDocument;

        Assert.Equal(["z", "y", "a"], result.Names);
    }

    [Theory]
    [InlineData("{$getField: '$s'}", 5654601)]
    [InlineData("{$getField: {input: '$o'}}", 3041702)]
    [InlineData("{$getField: {field: 'x', input: '$s'}}", 3041705)]
    [InlineData("{$getField: {field: 'x', other: 1}}", 3041701)]
    [InlineData("{$setField: {field: 'x', input: '$o'}}", 4161104)]
    [InlineData("{$setField: {field: 'x', value: 1}}", 4161103)]
    [InlineData("{$setField: {field: {$concat: ['a', 'b']}, input: '$o', value: 1}}", 5654601)]
    [InlineData("{$setField: {field: 'x', input: '$s', value: 1}}", 4161105)]
    [InlineData("{$setField: 'x'}", 4161100)]
    [InlineData("{$unsetField: {field: 'x', input: '$o', value: 1}}", 4161101)]
    public void Evaluate_InvalidFieldOperator_ThrowsMongoError(string expression, int code) =>
        Assert.Equal(code, Assert.Throws<MongoCommandError>(() => Eval(expression, Odd)).Code);

    [Fact]
    public void Evaluate_Rand_ReturnsDoubleInUnitInterval()
    {
        var values = Enumerable.Range(0, 50).Select(_ => Eval("{$rand: {}}").AsDouble).ToList();

        Assert.All(values, v => Assert.InRange(v, 0.0, 0.9999999999));
        Assert.True(values.Distinct().Count() > 1, "$rand returned the same value every time");
    }

    [Theory]
    [InlineData("{$rand: {seed: 1}}")]
    [InlineData("{$rand: 1}")]
    public void Evaluate_RandWithArgument_ThrowsMongoError(string expression) =>
        Assert.Equal(3040501, Assert.Throws<MongoCommandError>(() => Eval(expression)).Code);

    [Fact]
    public void EvaluateVariables_ExpressionsAndEarlierVariables_AreEvaluatedOnce()
    {
        var variables = Expressions.EvaluateVariables(BsonDocument.Parse("{a: {$add: [1, 2]}, b: {$literal: '$x'}, c: {$multiply: ['$$a', 2]}, t: '$$NOW'}"), Now);

        Assert.Equal(new BsonInt32(3), variables["a"]);
        Assert.Equal(new BsonString("$x"), variables["b"]);
        Assert.Equal(new BsonInt32(6), variables["c"]);
        Assert.Equal(new BsonDateTime(Now), variables["t"]);
    }
}
