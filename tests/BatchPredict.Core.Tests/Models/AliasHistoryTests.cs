using BatchPredict.Core.Models;

namespace BatchPredict.Core.Tests.Models;

public sealed class AliasHistoryTests
{
    private static AliasHistoryDocument Step(int version, string action = AliasHistoryEntry.Promote) => new() { Version = version, Action = action };

    [Fact]
    public void PromotionStack_PromotionsAndRollbacks_KeepsVersionsStillUnderTheAlias()
    {
        var stack = MongoModelRegistry.PromotionStack([Step(1), Step(2), Step(3), Step(2, AliasHistoryEntry.Rollback), Step(4)]);

        Assert.Equal([1, 2, 4], stack);
    }

    [Fact]
    public void PromotionStack_RollbacksBeyondTheFirstVersion_KeepTheFirst()
    {
        var stack = MongoModelRegistry.PromotionStack([Step(1), Step(2), Step(1, AliasHistoryEntry.Rollback), Step(1, AliasHistoryEntry.Rollback)]);

        Assert.Equal([1], stack);
    }
}
