using BatchPredict.EmbeddedMongo.Update;
using MongoDB.Bson;
using static BatchPredict.EmbeddedMongo.Tests.Update.UpdateTestData;

namespace BatchPredict.EmbeddedMongo.Tests.Update;

public sealed class PositionalUpdateTests
{
    [Fact]
    public void Apply_PositionalOperator_UpdatesMatchedElement() =>
        Assert.Equal(BsonDocument.Parse("{_id: 1, a: [1, 20, 3]}"), Apply("{$set: {'a.$': 20}}", "{_id: 1, a: [1, 2, 3]}", position: 1));

    [Fact]
    public void Apply_PositionalOperatorIntoDocument_UpdatesField() =>
        Assert.Equal(BsonDocument.Parse("{_id: 1, a: [{b: 1}, {b: 5}]}"), Apply("{$inc: {'a.$.b': 3}}", "{_id: 1, a: [{b: 1}, {b: 2}]}", position: 1));

    [Fact]
    public void Apply_PositionalOperatorWithoutMatch_ThrowsBadValue() =>
        Assert.Equal(2, Assert.Throws<MongoCommandError>(() => Apply("{$set: {'a.$': 1}}", "{_id: 1, a: [1]}")).Code);

    [Theory]
    [InlineData("{$set: {'a.$[]': 0}}", "{_id: 1, a: [1, 2]}", "{_id: 1, a: [0, 0]}")]
    [InlineData("{$inc: {'a.$[].n': 1}}", "{_id: 1, a: [{n: 1}, {n: 2}]}", "{_id: 1, a: [{n: 2}, {n: 3}]}")]
    [InlineData("{$set: {'a.$[].b.$[]': 7}}", "{_id: 1, a: [{b: [1, 2]}, {b: [3]}]}", "{_id: 1, a: [{b: [7, 7]}, {b: [7]}]}")]
    public void Apply_AllPositional_UpdatesEveryElement(string update, string document, string expected) =>
        AssertApplies(update, document, expected);

    [Theory]
    [InlineData("{$set: {'a.$[x]': 0}}", "[{x: {$gt: 1}}]", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [1, 0, 0]}")]
    [InlineData("{$set: {'a.$[e].ok': true}}", "[{'e.n': {$lt: 2}}]", "{_id: 1, a: [{n: 1}, {n: 2}]}", "{_id: 1, a: [{n: 1, ok: true}, {n: 2}]}")]
    public void Apply_FilteredPositional_UpdatesMatchingElements(string update, string filters, string document, string expected) =>
        Assert.Equal(BsonDocument.Parse(expected), Apply(update, document, filters));

    [Theory]
    [InlineData("{$set: {'a.$[x]': 0}}", "[]", 2)]
    [InlineData("{$set: {a: 0}}", "[{x: 1}]", 9)]
    [InlineData("{$set: {'a.$[x]': 0}}", "[{x: 1}, {x: 2}]", 9)]
    [InlineData("{$set: {'a.$[X]': 0}}", "[{X: 1}]", 2)]
    public void Compile_InvalidArrayFilters_ThrowsMongoError(string update, string filters, int code) =>
        Assert.Equal(code, Error(update, "{_id: 1, a: [1]}", filters).Code);

    [Fact]
    public void Apply_ArrayUpdateOnNonArray_ThrowsBadValue() =>
        Assert.Equal(2, Error("{$set: {'a.$[]': 1}}", "{_id: 1, a: {b: 1}}").Code);

    [Fact]
    public void Compile_SameFilterUsedTwice_Compiles() =>
        Assert.False(UpdatePlan.Compile(BsonDocument.Parse("{$set: {'a.$[x]': 1, 'b.$[x]': 2}}"), [BsonDocument.Parse("{x: 1}")]).IsReplacement);
}
