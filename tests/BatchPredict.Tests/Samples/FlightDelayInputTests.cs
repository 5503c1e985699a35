using BatchPredict.Samples;

namespace BatchPredict.Tests.Samples;

public sealed class FlightDelayInputTests
{
    [Theory]
    [InlineData(2024, 1, 1, 0)]
    [InlineData(2024, 1, 3, 2)]
    [InlineData(2024, 1, 7, 6)]
    public void From_Date_DayOfWeekCountsFromMonday(int year, int month, int day, int expectedDow)
    {
        var row = FlightDelayInput.From(new DateTime(year, month, day, 17, 45, 0, DateTimeKind.Utc), 1200, "ATL", "DEN");

        Assert.Equal(expectedDow, row.Dow);
        Assert.Equal(17, row.Hour);
        Assert.Equal(month, row.Month);
        Assert.Equal(1200, row.Distance);
        Assert.Equal(("ATL", "DEN"), (row.Origin, row.Destination));
    }

    [Theory]
    [InlineData(15, true)]
    [InlineData(14, false)]
    [InlineData(-5, false)]
    public void From_Delay_LateFromFifteenMinutes(long delay, bool late)
    {
        var row = FlightDelayExample.From(new DateTime(2006, 3, 1, 8, 0, 0, DateTimeKind.Utc), delay, 500, "SFO", "LAX");

        Assert.Equal(late, row.Label);
    }

    [Fact]
    public async Task SampleAsync_SameSeed_SameRows()
    {
        var data = FlightDataLocation.Find() ?? throw new FileNotFoundException("samples/data/flights-3m.parquet not found above the test directory");

        var first = await FlightParquetReader.SampleAsync(data, 0.01, 0.01, seed: 5, maxRowGroups: 1);
        var second = await FlightParquetReader.SampleAsync(data, 0.01, 0.01, seed: 5, maxRowGroups: 1);

        Assert.True(first.RowsRead > 200_000);
        Assert.NotEmpty(first.Train);
        Assert.Equal(
            first.Train.Select(r => (r.Distance, r.Hour, r.Dow, r.Month, r.Origin, r.Destination, r.Label)),
            second.Train.Select(r => (r.Distance, r.Hour, r.Dow, r.Month, r.Origin, r.Destination, r.Label)));
        Assert.Equal(first.Test.Count, second.Test.Count);
    }
}
