using BatchPredict.EmbeddedMongo.Update;
using MongoDB.Bson;
using static BatchPredict.EmbeddedMongo.Tests.Update.UpdateTestData;

namespace BatchPredict.EmbeddedMongo.Tests.Update;

public sealed class FieldUpdateTests
{
    [Theory]
    [InlineData("{$set: {a: 2}}", "{_id: 1, a: 1}", "{_id: 1, a: 2}")]
    [InlineData("{$set: {b: 2}}", "{_id: 1, a: 1}", "{_id: 1, a: 1, b: 2}")]
    [InlineData("{$set: {c: 1, b: 2}}", "{_id: 1}", "{_id: 1, b: 2, c: 1}")]
    [InlineData("{$set: {'a.b': 2}}", "{_id: 1}", "{_id: 1, a: {b: 2}}")]
    [InlineData("{$set: {'a.b': 2}}", "{_id: 1, a: {c: 1}}", "{_id: 1, a: {c: 1, b: 2}}")]
    [InlineData("{$set: {'a.1': 9}}", "{_id: 1, a: [1, 2]}", "{_id: 1, a: [1, 9]}")]
    [InlineData("{$set: {'a.3': 9}}", "{_id: 1, a: [1]}", "{_id: 1, a: [1, null, null, 9]}")]
    [InlineData("{$set: {'a.0.b': 9}}", "{_id: 1, a: [{b: 1}]}", "{_id: 1, a: [{b: 9}]}")]
    [InlineData("{$set: {a: {x: [1]}}}", "{_id: 1, a: 5}", "{_id: 1, a: {x: [1]}}")]
    [InlineData("{$set: {_id: 1, a: 2}}", "{_id: 1}", "{_id: 1, a: 2}")]
    [InlineData("{$set: {}}", "{_id: 1, a: 1}", "{_id: 1, a: 1}")]
    [InlineData("{$unset: {a: ''}}", "{_id: 1, a: 1, b: 2}", "{_id: 1, b: 2}")]
    [InlineData("{$unset: {'a.b': 1}}", "{_id: 1, a: {b: 1, c: 2}}", "{_id: 1, a: {c: 2}}")]
    [InlineData("{$unset: {'x.y': 1}}", "{_id: 1, a: 1}", "{_id: 1, a: 1}")]
    [InlineData("{$unset: {'a.1': 1}}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [1, null, 3]}")]
    [InlineData("{$rename: {a: 'b'}}", "{_id: 1, a: 1, c: 2}", "{_id: 1, c: 2, b: 1}")]
    [InlineData("{$rename: {'a.x': 'y'}}", "{_id: 1, a: {x: 1}}", "{_id: 1, a: {}, y: 1}")]
    [InlineData("{$rename: {b: 'a'}}", "{_id: 1, b: 3}", "{_id: 1, a: 3}")]
    [InlineData("{$rename: {zz: 'a'}}", "{_id: 1, a: 1}", "{_id: 1, a: 1}")]
    [InlineData("{$setOnInsert: {a: 1}}", "{_id: 1}", "{_id: 1}")]
    [InlineData("{$min: {a: 3}}", "{_id: 1, a: 5}", "{_id: 1, a: 3}")]
    [InlineData("{$min: {a: 7}}", "{_id: 1, a: 5}", "{_id: 1, a: 5}")]
    [InlineData("{$max: {a: 7}}", "{_id: 1, a: 5}", "{_id: 1, a: 7}")]
    [InlineData("{$max: {a: 7}}", "{_id: 1}", "{_id: 1, a: 7}")]
    [InlineData("{$max: {a: 'x'}}", "{_id: 1, a: 5}", "{_id: 1, a: 'x'}")]
    public void Apply_FieldOperators_ReturnsExpected(string update, string document, string expected) =>
        AssertApplies(update, document, expected);

    [Fact]
    public void Apply_SetOnInsertDuringUpsertInsert_SetsField() =>
        Assert.Equal(BsonDocument.Parse("{_id: 1, a: 1}"), Apply("{$setOnInsert: {a: 1}}", "{_id: 1}", upsertInsert: true));

    [Fact]
    public void Apply_CurrentDate_SetsDateOrTimestampFromContext()
    {
        var result = Apply("{$currentDate: {d: true, t: {$type: 'timestamp'}, e: {$type: 'date'}}}", "{_id: 1}");

        Assert.Equal(new BsonDateTime(Now), result["d"]);
        Assert.Equal(new BsonDateTime(Now), result["e"]);
        Assert.Equal(new DateTimeOffset(Now).ToUnixTimeSeconds(), result["t"].AsBsonTimestamp.Timestamp);
    }

    [Fact]
    public void Apply_NestedSet_DoesNotModifyOriginal()
    {
        var original = BsonDocument.Parse("{_id: 1, a: {b: {c: 1}}, l: [1, {x: 1}]}");
        var plan = UpdatePlan.Compile(BsonDocument.Parse("{$set: {'a.b.c': 2, 'l.1.x': 5}, $push: {'a.p': 1}}"));

        var result = plan.Apply(original, new UpdateContext(Now, false, null));

        Assert.Equal(BsonDocument.Parse("{_id: 1, a: {b: {c: 1}}, l: [1, {x: 1}]}"), original);
        Assert.Equal(BsonDocument.Parse("{_id: 1, a: {b: {c: 2}, p: [1]}, l: [1, {x: 5}]}"), result);
    }

    [Fact]
    public void IsReplacement_OperatorDocument_IsFalse() =>
        Assert.False(UpdatePlan.Compile(BsonDocument.Parse("{$set: {a: 1}}")).IsReplacement);
}
