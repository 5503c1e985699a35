using BatchPredict.EmbeddedMongo.Aggregation;
using MongoDB.Bson;
using static BatchPredict.EmbeddedMongo.Tests.Aggregation.ExpressionTestData;

namespace BatchPredict.EmbeddedMongo.Tests.Aggregation;

public sealed class ExpressionTests
{
    [Theory]
    [InlineData("'$a'", "5")]
    [InlineData("'$o.x'", "1")]
    [InlineData("'$o.y.z'", "[1, 2]")]
    [InlineData("'$missing'", "null")]
    [InlineData("'$$ROOT.a'", "5")]
    [InlineData("'$$CURRENT.s'", "'Hello'")]
    [InlineData("'$$NOW'", "ISODate('2024-03-10T15:30:00Z')")]
    [InlineData("'$$REMOVE'", "null")]
    [InlineData("7", "7")]
    [InlineData("'plain'", "'plain'")]
    [InlineData("['$a', '$missing']", "[5, null]")]
    [InlineData("{k: '$a', m: '$missing'}", "{k: 5}")]
    [InlineData("{$literal: '$a'}", "'$a'")]
    [InlineData("{$let: {vars: {t: {$add: ['$a', 1]}}, in: {$multiply: ['$$t', 2]}}}", "12")]
    public void Evaluate_PathsVariablesLiterals_ReturnsExpected(string expression, string expected) =>
        Assert.Equal(Value(expected), Eval(expression));

    [Theory]
    [InlineData("{$add: ['$a', '$b', 1]}", "8")]
    [InlineData("{$add: ['$a', 1.5]}", "6.5")]
    [InlineData("{$add: ['$a', '$n']}", "null")]
    [InlineData("{$add: ['$d', 1000]}", "ISODate('2024-03-10T15:30:46.123Z')")]
    [InlineData("{$subtract: ['$a', '$b']}", "3")]
    [InlineData("{$subtract: ['$d', ISODate('2024-03-10T15:30:45.000Z')]}", "NumberLong(123)")]
    [InlineData("{$multiply: ['$a', '$b']}", "10")]
    [InlineData("{$divide: ['$a', '$b']}", "2.5")]
    [InlineData("{$mod: ['$a', '$b']}", "1")]
    [InlineData("{$abs: -4}", "4")]
    [InlineData("{$sum: '$l'}", "6")]
    [InlineData("{$avg: '$l'}", "2.0")]
    [InlineData("{$max: '$l'}", "3")]
    [InlineData("{$min: [4, '$a', null]}", "4")]
    public void Evaluate_Arithmetic_ReturnsExpected(string expression, string expected) =>
        Assert.Equal(Value(expected), Eval(expression));

    [Theory]
    [InlineData("{$eq: ['$a', 5.0]}", "true")]
    [InlineData("{$ne: ['$a', 5]}", "false")]
    [InlineData("{$gt: ['$a', '$b']}", "true")]
    [InlineData("{$gte: ['$a', 5]}", "true")]
    [InlineData("{$lt: ['$a', 'x']}", "true")]
    [InlineData("{$lte: ['$missing', null]}", "true")]
    [InlineData("{$eq: ['$missing', null]}", "false")]
    [InlineData("{$cmp: ['$a', '$b']}", "1")]
    [InlineData("{$and: [true, '$a']}", "true")]
    [InlineData("{$and: [true, 0]}", "false")]
    [InlineData("{$or: [false, '$n']}", "false")]
    [InlineData("{$or: [false, []]}", "true")]
    [InlineData("{$not: ['$n']}", "true")]
    [InlineData("{$cond: [{$gt: ['$a', 3]}, 'big', 'small']}", "'big'")]
    [InlineData("{$cond: {if: '$n', then: 1, else: 2}}", "2")]
    [InlineData("{$ifNull: ['$n', '$missing', 'x']}", "'x'")]
    [InlineData("{$ifNull: ['$a', 'x']}", "5")]
    [InlineData("{$switch: {branches: [{case: {$lt: ['$a', 3]}, then: 'lo'}, {case: {$lt: ['$a', 9]}, then: 'mid'}], default: 'hi'}}", "'mid'")]
    [InlineData("{$switch: {branches: [{case: false, then: 1}], default: 'd'}}", "'d'")]
    public void Evaluate_ComparisonBooleanConditional_ReturnsExpected(string expression, string expected) =>
        Assert.Equal(Value(expected), Eval(expression));

    [Theory]
    [InlineData("{$concat: ['$s', ' ', 'World']}", "'Hello World'")]
    [InlineData("{$concat: ['$s', '$n']}", "null")]
    [InlineData("{$toLower: '$s'}", "'hello'")]
    [InlineData("{$toUpper: '$s'}", "'HELLO'")]
    [InlineData("{$toUpper: '$n'}", "''")]
    [InlineData("{$substr: ['$s', 1, 3]}", "'ell'")]
    [InlineData("{$substr: ['$s', 2, -1]}", "'llo'")]
    [InlineData("{$size: '$l'}", "3")]
    [InlineData("{$arrayElemAt: ['$l', 0]}", "1")]
    [InlineData("{$arrayElemAt: ['$l', -1]}", "3")]
    [InlineData("{$in: [2, '$l']}", "true")]
    [InlineData("{$in: [9, '$l']}", "false")]
    [InlineData("{$filter: {input: '$l', cond: {$gt: ['$$this', 1]}}}", "[2, 3]")]
    [InlineData("{$filter: {input: '$l', as: 'v', cond: {$ne: ['$$v', 2]}}}", "[1, 3]")]
    [InlineData("{$map: {input: '$l', as: 'v', in: {$multiply: ['$$v', 10]}}}", "[10, 20, 30]")]
    [InlineData("{$map: {input: '$l', in: {$add: ['$$this', '$a']}}}", "[6, 7, 8]")]
    public void Evaluate_StringAndArray_ReturnsExpected(string expression, string expected) =>
        Assert.Equal(Value(expected), Eval(expression));

    [Theory]
    [InlineData("{$type: '$a'}", "'int'")]
    [InlineData("{$type: '$missing'}", "'missing'")]
    [InlineData("{$type: '$o'}", "'object'")]
    [InlineData("{$toString: '$a'}", "'5'")]
    [InlineData("{$toString: 2.5}", "'2.5'")]
    [InlineData("{$toInt: '42'}", "42")]
    [InlineData("{$toInt: 4.9}", "4")]
    [InlineData("{$toLong: '$a'}", "NumberLong(5)")]
    [InlineData("{$toDouble: '1.5'}", "1.5")]
    [InlineData("{$toDouble: '$n'}", "null")]
    [InlineData("{$toDate: NumberLong(0)}", "ISODate('1970-01-01T00:00:00Z')")]
    [InlineData("{$toDate: '2020-02-03T04:05:06Z'}", "ISODate('2020-02-03T04:05:06Z')")]
    [InlineData("{$year: '$d'}", "2024")]
    [InlineData("{$month: '$d'}", "3")]
    [InlineData("{$dayOfMonth: '$d'}", "10")]
    [InlineData("{$hour: '$d'}", "15")]
    [InlineData("{$dayOfWeek: '$d'}", "1")]
    [InlineData("{$year: {date: '$d', timezone: 'UTC'}}", "2024")]
    [InlineData("{$year: '$n'}", "null")]
    public void Evaluate_TypeAndDate_ReturnsExpected(string expression, string expected) =>
        Assert.Equal(Value(expected), Eval(expression));

    [Theory]
    [InlineData("{$foo: 1}", 168, "Unrecognized expression '$foo'")]
    [InlineData("{$add: ['$s', 1]}", 14, "$add only supports numeric or date types, not string")]
    [InlineData("{$divide: [1, 0]}", 2, "can't $divide by zero")]
    [InlineData("{$size: '$a'}", 17124, "The argument to $size must be an array. Type of argument: int")]
    [InlineData("{$concat: ['$s', 1]}", 16702, "$concat only supports strings, not int")]
    [InlineData("{$toInt: 'abc'}", 241, "Unsupported conversion from string in $toInt with no onError value: abc")]
    [InlineData("{$year: '$s'}", 16006, "can't convert from BSON type string to Date (in $year)")]
    [InlineData("{$switch: {branches: [{case: false, then: 1}]}}", 40066, "$switch could not find a matching branch for an input, and no default was specified.")]
    [InlineData("'$$nope'", 17276, "Use of undefined variable: nope")]
    [InlineData("{$subtract: [1]}", 16020, "Expression $subtract takes exactly 2 arguments. 1 were passed in.")]
    [InlineData("{$year: {date: '$d', timezone: 'Europe/Paris'}}", 115, "$year with timezone Europe/Paris is not supported by the embedded server")]
    public void Evaluate_InvalidExpression_ThrowsMongoError(string expression, int code, string message)
    {
        var error = Assert.Throws<MongoCommandError>(() => Eval(expression));

        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Evaluate_Variables_ReadsGivenVariables()
    {
        var variables = new Dictionary<string, BsonValue> { ["factor"] = 3 };

        var result = Expressions.Evaluate(BsonDocument.Parse("{e: {$multiply: ['$a', '$$factor']}}")["e"], BsonDocument.Parse("{a: 4}"), variables, Now);

        Assert.Equal(new BsonInt32(12), result);
    }
}
