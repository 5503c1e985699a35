using static BatchPredict.EmbeddedMongo.Tests.Aggregation.PipelineTestData;

namespace BatchPredict.EmbeddedMongo.Tests.Aggregation;

public sealed class PipelineStageTests
{
    [Theory]
    [InlineData("[{$match: {item: 'a'}}, {$project: {qty: 1}}]", "[{_id: 1, qty: 2}, {_id: 3, qty: 5}]")]
    [InlineData("[{$match: {_id: 2}}, {$project: {_id: 0, item: 1, total: {$multiply: ['$qty', '$price']}}}]", "[{item: 'b', total: 20}]")]
    [InlineData("[{$match: {_id: 2}}, {$project: {tags: 0, price: 0}}]", "[{_id: 2, item: 'b', qty: 1}]")]
    [InlineData("[{$match: {_id: 2}}, {$project: {'x.y': '$item', _id: 0}}]", "[{x: {y: 'b'}}]")]
    [InlineData("[{$match: {_id: 2}}, {$project: {gone: '$$REMOVE', item: 1}}]", "[{_id: 2, item: 'b'}]")]
    [InlineData("[{$match: {_id: 2}}, {$addFields: {total: {$multiply: ['$qty', '$price']}, qty: 9}}]", "[{_id: 2, item: 'b', qty: 9, price: 20, tags: [], total: 20}]")]
    [InlineData("[{$match: {_id: 2}}, {$set: {'meta.n': 1}}, {$set: {meta: {m: 2}}}, {$unset: ['tags', 'price']}]", "[{_id: 2, item: 'b', qty: 1, meta: {n: 1, m: 2}}]")]
    [InlineData("[{$match: {_id: 2}}, {$unset: 'tags'}, {$project: {price: 0}}]", "[{_id: 2, item: 'b', qty: 1}]")]
    [InlineData("[{$sort: {qty: -1}}, {$skip: 1}, {$limit: 2}, {$project: {_id: 1}}]", "[{_id: 4}, {_id: 1}]")]
    [InlineData("[{$sort: {item: 1, _id: -1}}, {$project: {_id: 1}}]", "[{_id: 3}, {_id: 1}, {_id: 2}, {_id: 4}]")]
    [InlineData("[{$match: {qty: {$gt: 1}}}, {$count: 'n'}]", "[{n: 3}]")]
    [InlineData("[{$match: {qty: {$gt: 100}}}, {$count: 'n'}]", "[]")]
    [InlineData("[{$match: {_id: 1}}, {$replaceRoot: {newRoot: {i: '$item'}}}]", "[{i: 'a'}]")]
    [InlineData("[{$match: {_id: 1}}, {$replaceWith: {q: '$qty'}}]", "[{q: 2}]")]
    public void Execute_ShapingStages_ReturnsExpected(string pipeline, string expected) => AssertRun(pipeline, expected);

    [Theory]
    [InlineData("[{$group: {_id: '$item', n: {$sum: 1}, q: {$sum: '$qty'}}}]", "[{_id: 'a', n: 2, q: 7}, {_id: 'b', n: 1, q: 1}, {_id: 'c', n: 1, q: 3}]")]
    [InlineData("[{$group: {_id: null, avg: {$avg: '$qty'}, min: {$min: '$price'}, max: {$max: '$price'}}}]", "[{_id: null, avg: 2.75, min: 5.5, max: 20}]")]
    [InlineData("[{$group: {_id: '$item', f: {$first: '$_id'}, l: {$last: '$_id'}, c: {$count: {}}}}, {$match: {_id: 'a'}}]", "[{_id: 'a', f: 1, l: 3, c: 2}]")]
    [InlineData("[{$group: {_id: '$price', ids: {$push: '$_id'}, items: {$addToSet: '$item'}}}, {$sort: {_id: 1}}]",
        "[{_id: 5.5, ids: [4], items: ['c']}, {_id: 10, ids: [1, 3], items: ['a']}, {_id: 20, ids: [2], items: ['b']}]")]
    [InlineData("[{$group: {_id: {i: '$item'}, n: {$sum: 1}}}, {$sort: {n: -1}}, {$limit: 1}]", "[{_id: {i: 'a'}, n: 2}]")]
    [InlineData("[{$sortByCount: '$item'}, {$limit: 1}]", "[{_id: 'a', count: 2}]")]
    public void Execute_Grouping_ReturnsExpected(string pipeline, string expected) => AssertRun(pipeline, expected);

    [Theory]
    [InlineData("[{$unwind: '$tags'}, {$project: {tags: 1}}]", "[{_id: 1, tags: 'x'}, {_id: 1, tags: 'y'}, {_id: 4, tags: 'y'}]")]
    [InlineData("[{$unwind: {path: '$tags', includeArrayIndex: 'i'}}, {$project: {i: 1}}]", "[{_id: 1, i: NumberLong(0)}, {_id: 1, i: NumberLong(1)}, {_id: 4, i: NumberLong(0)}]")]
    [InlineData("[{$unwind: {path: '$tags', preserveNullAndEmptyArrays: true}}, {$project: {tags: 1}}]",
        "[{_id: 1, tags: 'x'}, {_id: 1, tags: 'y'}, {_id: 2}, {_id: 3}, {_id: 4, tags: 'y'}]")]
    [InlineData("[{$match: {_id: 2}}, {$unwind: '$qty'}, {$project: {qty: 1}}]", "[{_id: 2, qty: 1}]")]
    public void Execute_Unwind_ReturnsExpected(string pipeline, string expected) => AssertRun(pipeline, expected);

    [Fact]
    public void Execute_Facet_RunsEachSubPipeline() =>
        AssertRun("[{$facet: {n: [{$count: 'c'}], top: [{$sort: {qty: -1}}, {$limit: 1}, {$project: {_id: 1}}]}}]", "[{n: [{c: 4}], top: [{_id: 3}]}]");

    [Fact]
    public void Execute_ProjectNow_ReturnsHostClock() =>
        AssertRun("[{$limit: 1}, {$project: {_id: 0, now: '$$NOW'}}]", "[{now: ISODate('2024-01-02T03:04:05Z')}]");
}
