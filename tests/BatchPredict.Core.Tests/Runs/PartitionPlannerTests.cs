using BatchPredict.Core.Runs;

namespace BatchPredict.Core.Tests.Runs;

public sealed class PartitionPlannerTests
{
    [Theory]
    [InlineData(10, 3, new long[] { 0, 3, 6 }, new long[] { 3, 3, 4 })]
    [InlineData(2, 4, new long[] { 0, 1 }, new long[] { 1, 1 })]
    [InlineData(0, 4, new long[] { 0 }, new long[] { 0 })]
    [InlineData(1_000_001, 2, new long[] { 0, 500_000 }, new long[] { 500_000, 500_001 })]
    public void Offsets_SplitsCountIntoContiguousRanges(long count, int partitions, long[] starts, long[] sizes)
    {
        var (s, z) = PartitionPlanner.Offsets(count, partitions);

        Assert.Equal(starts, s);
        Assert.Equal(sizes, z);
        Assert.Equal(count, z.Sum());
    }
}
