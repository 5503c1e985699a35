using BatchPredict.EmbeddedMongo.Storage;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Tests.Storage;

public sealed class RawIdTests
{
    [Theory]
    [InlineData("{_id: 5, a: 1}")]
    [InlineData("{a: 'x', b: {c: 1}, d: [1, 2], e: 1.5, f: true, g: null, _id: NumberLong(9)}")]
    [InlineData("{_id: 'name'}")]
    [InlineData("{_id: ObjectId('0123456789abcdef01234567')}")]
    [InlineData("{_id: {a: 1, b: [2]}}")]
    [InlineData("{t: Timestamp(1, 2), _id: 3}")]
    public void TryGetId_AnyPosition_EqualsDecodedId(string json)
    {
        var document = BsonDocument.Parse(json);

        Assert.True(CollectionStore.TryGetId(document.ToBson(), out var id));
        Assert.Equal(document["_id"], id);
    }

    [Fact]
    public void TryGetId_NoId_ReportsMissing()
    {
        Assert.False(CollectionStore.TryGetId(BsonDocument.Parse("{a: 1, b: 'x'}").ToBson(), out _));
    }

    [Fact]
    public void OrderedMap_ManyKeysInRandomOrder_ScansSortedAndResumes()
    {
        var map = new OrderedMap<int, int>(Comparer<int>.Default);
        var keys = Enumerable.Range(0, 5000).OrderBy(i => (i * 7919) % 5003).ToList();
        keys.ForEach(k => map.TryAdd(k, k * 2));
        keys.Where(k => k % 3 == 0).ToList().ForEach(k => map.Remove(k));

        var ascending = map.Ascending(Bound<int>.At(100, inclusive: false)).Select(e => e.Key).Take(5).ToList();
        var descending = map.Descending(Bound<int>.At(100, inclusive: true)).Select(e => e.Key).Take(3).ToList();

        Assert.Equal(5000 - 1667, map.Count);
        Assert.Equal([101, 103, 104, 106, 107], ascending);
        Assert.Equal([100, 98, 97], descending);
        Assert.True(map.TryGetValue(4999, out var value) && value == 9998);
        Assert.False(map.TryAdd(4999, 0));
    }
}
