using static BatchPredict.EmbeddedMongo.Tests.Update.UpdateTestData;

namespace BatchPredict.EmbeddedMongo.Tests.Update;

public sealed class ArrayUpdateTests
{
    [Theory]
    [InlineData("{$push: {a: 3}}", "{_id: 1, a: [1, 2]}", "{_id: 1, a: [1, 2, 3]}")]
    [InlineData("{$push: {a: 3}}", "{_id: 1}", "{_id: 1, a: [3]}")]
    [InlineData("{$push: {a: [3]}}", "{_id: 1, a: []}", "{_id: 1, a: [[3]]}")]
    [InlineData("{$push: {a: {$each: [3, 4]}}}", "{_id: 1, a: [1]}", "{_id: 1, a: [1, 3, 4]}")]
    [InlineData("{$push: {a: {$each: [3], $position: 0}}}", "{_id: 1, a: [1, 2]}", "{_id: 1, a: [3, 1, 2]}")]
    [InlineData("{$push: {a: {$each: [3], $position: -1}}}", "{_id: 1, a: [1, 2]}", "{_id: 1, a: [1, 3, 2]}")]
    [InlineData("{$push: {a: {$each: [5, 0], $sort: 1}}}", "{_id: 1, a: [3, 1]}", "{_id: 1, a: [0, 1, 3, 5]}")]
    [InlineData("{$push: {a: {$each: [5, 0], $sort: -1, $slice: 2}}}", "{_id: 1, a: [3, 1]}", "{_id: 1, a: [5, 3]}")]
    [InlineData("{$push: {a: {$each: [4], $slice: -2}}}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [3, 4]}")]
    [InlineData("{$push: {a: {$each: [], $slice: 0}}}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: []}")]
    [InlineData("{$push: {a: {$each: [{s: 2}], $sort: {s: 1}}}}", "{_id: 1, a: [{s: 3}, {s: 1}]}", "{_id: 1, a: [{s: 1}, {s: 2}, {s: 3}]}")]
    [InlineData("{$addToSet: {a: 2}}", "{_id: 1, a: [1, 2]}", "{_id: 1, a: [1, 2]}")]
    [InlineData("{$addToSet: {a: 2.0}}", "{_id: 1, a: [1, 2]}", "{_id: 1, a: [1, 2]}")]
    [InlineData("{$addToSet: {a: 3}}", "{_id: 1, a: [1, 2]}", "{_id: 1, a: [1, 2, 3]}")]
    [InlineData("{$addToSet: {a: {$each: [2, 3, 3]}}}", "{_id: 1}", "{_id: 1, a: [2, 3]}")]
    [InlineData("{$pop: {a: 1}}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [1, 2]}")]
    [InlineData("{$pop: {a: -1}}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [2, 3]}")]
    [InlineData("{$pop: {a: 1}}", "{_id: 1}", "{_id: 1}")]
    [InlineData("{$pull: {a: 2}}", "{_id: 1, a: [1, 2, 3, 2]}", "{_id: 1, a: [1, 3]}")]
    [InlineData("{$pull: {a: {$gte: 2}}}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [1]}")]
    [InlineData("{$pull: {a: {b: 1}}}", "{_id: 1, a: [{b: 1, c: 1}, {b: 2}, 1]}", "{_id: 1, a: [{b: 2}, 1]}")]
    [InlineData("{$pull: {a: {$in: [1, 3]}}}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [2]}")]
    [InlineData("{$pullAll: {a: [1, 3]}}", "{_id: 1, a: [1, 2, 3, 1]}", "{_id: 1, a: [2]}")]
    [InlineData("{$pull: {a: 1}}", "{_id: 1}", "{_id: 1}")]
    public void Apply_ArrayOperators_ReturnsExpected(string update, string document, string expected) =>
        AssertApplies(update, document, expected);

    [Theory]
    [InlineData("{$push: {a: 1}}", "{_id: 1, a: 5}", 2)]
    [InlineData("{$push: {a: {$each: 1}}}", "{_id: 1}", 2)]
    [InlineData("{$push: {a: {$each: [1], $foo: 1}}}", "{_id: 1}", 2)]
    [InlineData("{$push: {a: {$each: [1], $sort: 'x'}}}", "{_id: 1}", 2)]
    [InlineData("{$addToSet: {a: 1}}", "{_id: 1, a: 5}", 2)]
    [InlineData("{$pop: {a: 2}}", "{_id: 1, a: []}", 9)]
    [InlineData("{$pop: {a: 1}}", "{_id: 1, a: 5}", 14)]
    [InlineData("{$pull: {a: 1}}", "{_id: 1, a: 5}", 2)]
    [InlineData("{$pullAll: {a: 1}}", "{_id: 1, a: [1]}", 2)]
    public void Apply_InvalidArrayUpdate_ThrowsMongoError(string update, string document, int code) =>
        Assert.Equal(code, Error(update, document).Code);
}
