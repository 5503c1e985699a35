using BatchPredict.Core;
using BatchPredict.Demo;

namespace BatchPredict.Tests.Demo;

public sealed class DemoDataTests
{
    private static MonthlyFlights Month(int year, int month, long flights, string? runId = "run") =>
        new(new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc), runId, flights, default, default, 0, 0, 0);

    [Fact]
    public void PickMonth_LastMonthOnlyTouched_TakesTheLatestBusyMonth()
    {
        // The real data: six months of ~500,000 flights, then a few flights at 00:00 on July 1st.
        var months = new[] { Month(2001, 1, 480_000), Month(2001, 5, 510_000), Month(2001, 6, 502_222), Month(2001, 7, 6) };

        var (start, end) = DemoData.PickMonth(months);

        Assert.Equal(new DateTime(2001, 6, 1, 0, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2001, 7, 1, 0, 0, 0, DateTimeKind.Utc), end);
    }

    [Fact]
    public void PickMonth_MonthSplitAcrossRuns_CountsItsFlightsTogether()
    {
        var months = new[] { Month(2001, 1, 1_000), Month(2001, 2, 300, "nightly"), Month(2001, 2, 300, "rerun") };

        var (start, _) = DemoData.PickMonth(months);

        Assert.Equal(new DateTime(2001, 2, 1, 0, 0, 0, DateTimeKind.Utc), start);
    }

    [Fact]
    public void PickMonth_NoFlights_Refused()
    {
        var error = Assert.Throws<BatchPredictException>(() => DemoData.PickMonth([]));

        Assert.Contains("flights", error.Message, StringComparison.Ordinal);
    }
}
