using BatchPredict.EmbeddedMongo.Update;
using MongoDB.Bson;
using static BatchPredict.EmbeddedMongo.Tests.Update.UpdateTestData;

namespace BatchPredict.EmbeddedMongo.Tests.Update;

public sealed class ReplacementAndErrorTests
{
    [Theory]
    [InlineData("{b: 2}", "{_id: 1, a: 1}", "{_id: 1, b: 2}")]
    [InlineData("{b: 2, _id: 1}", "{_id: 1, a: 1}", "{_id: 1, b: 2}")]
    [InlineData("{}", "{_id: 1, a: 1}", "{_id: 1}")]
    [InlineData("{_id: 5, b: 2}", "{a: 1}", "{_id: 5, b: 2}")]
    public void Apply_Replacement_KeepsIdAndReplacesRest(string update, string document, string expected)
    {
        var plan = UpdatePlan.Compile(BsonDocument.Parse(update));

        Assert.True(plan.IsReplacement);
        Assert.Equal(BsonDocument.Parse(expected), plan.Apply(BsonDocument.Parse(document), new UpdateContext(Now, false, null)));
    }

    [Theory]
    [InlineData("{$set: {a: 1}, $inc: {a: 1}}", 40, "Updating the path 'a' would create a conflict at 'a'")]
    [InlineData("{$set: {'a.b': 1}, $unset: {a: 1}}", 40, "Updating the path 'a' would create a conflict at 'a'")]
    [InlineData("{$set: {a: 1}, $rename: {b: 'a'}}", 40, "Updating the path 'a' would create a conflict at 'a'")]
    [InlineData("{$set: {_id: 2}}", 66, "Performing an update on the path '_id' would modify the immutable field '_id'")]
    [InlineData("{$unset: {_id: 1}}", 66, "Performing an update on the path '_id' would modify the immutable field '_id'")]
    [InlineData("{$set: {_id: 1.0}}", 66, "Performing an update on the path '_id' would modify the immutable field '_id'")]
    [InlineData("{$foo: {a: 1}}", 9, "Unknown modifier: $foo. Expected a valid update modifier or pipeline-style update specified as an array")]
    [InlineData("{$set: {a: 1}, b: 2}", 9, "Unknown modifier: b. Expected a valid update modifier or pipeline-style update specified as an array")]
    [InlineData("{$set: 5}", 9, "Modifiers operate on fields but we found type int instead. For example: {$mod: {<field>: ...}} not {$set: 5}")]
    [InlineData("{$set: {'a..b': 1}}", 56, "The update path 'a..b' contains an empty field name, which is not allowed.")]
    [InlineData("{$set: {'x.y': 1}}", 28, "Cannot create field 'y' in element {x: 5}")]
    [InlineData("{$rename: {a: 5}}", 2, "The 'to' field for $rename must be a string: a: 5")]
    [InlineData("{$rename: {a: 'a'}}", 2, "The source and target field for $rename must differ: a: \"a\"")]
    [InlineData("{$currentDate: {a: 'x'}}", 2, "The '$type' string field is required to be 'date' or 'timestamp': {a: x}")]
    public void Apply_InvalidUpdate_ThrowsMongoErrorWithCodeAndMessage(string update, int code, string message)
    {
        var error = Error(update, "{_id: 1, x: 5}");

        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Apply_ReplacementChangingId_ThrowsImmutableField() =>
        Assert.Equal(66, Error("{_id: 2, a: 1}").Code);

    [Fact]
    public void Compile_ReplacementWithDollarField_ThrowsDollarPrefixedFieldName() =>
        Assert.Equal(52, Assert.Throws<MongoCommandError>(() => UpdatePlan.Compile(BsonDocument.Parse("{a: 1, $set: {b: 1}}"))).Code);

    [Theory]
    [InlineData("{a: 1, 'b.c': 'x', d: {$gt: 5}}", "{a: 1, b: {c: 'x'}}")]
    [InlineData("{$and: [{a: 1}, {b: {$eq: 2}}], $or: [{c: 1}]}", "{a: 1, b: 2}")]
    [InlineData("{x: 1, _id: 7}", "{_id: 7, x: 1}")]
    [InlineData("{a: /x/}", "{}")]
    public void SeedFromFilter_Filter_ReturnsEqualityFields(string filter, string expected) =>
        Assert.Equal(BsonDocument.Parse(expected), UpdatePlan.SeedFromFilter(BsonDocument.Parse(filter)));
}
