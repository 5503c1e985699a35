using BatchPredict.EmbeddedMongo.Storage;

namespace BatchPredict.EmbeddedMongo.Tests.Storage;

public sealed class OrderedMapTests
{
    [Theory]
    [InlineData(0, 4999)]
    [InlineData(100, 100)]
    [InlineData(101, 101)]
    [InlineData(250, 3_900)]
    [InlineData(-50, 20)]
    [InlineData(4_990, 6_000)]
    [InlineData(300, 200)]
    public void CountBetween_RangesAcrossChunks_EqualsEntriesScanned(int lower, int upper)
    {
        var map = Map();

        var counted = map.CountBetween(lower, upper, long.MaxValue);

        Assert.Equal(map.Ascending(Bound<int>.At(lower, inclusive: true)).TakeWhile(e => e.Key <= upper).LongCount(), counted);
    }

    [Fact]
    public void CountBetween_MoreThanLimit_StopsAboveLimitBelowTotal()
    {
        var map = Map();

        var counted = map.CountBetween(0, 4999, 300);

        Assert.InRange(counted, 301, map.Count - 1);
    }

    /// <summary>5,000 keys inserted out of order with every third removed, so the chunks are split and partly filled.</summary>
    private static OrderedMap<int, int> Map()
    {
        var map = new OrderedMap<int, int>(Comparer<int>.Default);
        var keys = Enumerable.Range(0, 5000).OrderBy(i => (i * 7919) % 5003).ToList();
        keys.ForEach(k => map.TryAdd(k, k));
        keys.Where(k => k % 3 == 0).ToList().ForEach(k => map.Remove(k));
        return map;
    }
}
