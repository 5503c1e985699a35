namespace BatchPredict.Samples;

/// <summary>
/// The demo model contract's input columns. Hour, day of week (0 = Monday .. 6 = Sunday, as pandas' dayofweek) and
/// month come from the flight's date taken as UTC, so a model trained here scores what the demo job maps.
/// </summary>
public class FlightDelayInput
{
    public float Distance { get; set; }

    public float Hour { get; set; }

    public float Dow { get; set; }

    public float Month { get; set; }

    public string Origin { get; set; } = "";

    public string Destination { get; set; } = "";

    public static FlightDelayInput From(DateTime date, long distance, string origin, string destination) =>
        Fill(new FlightDelayInput(), date, distance, origin, destination);

    /// <summary>Monday = 0 .. Sunday = 6 (.NET counts Sunday = 0).</summary>
    public static int DayOfWeekFromMonday(DateTime date) => ((int)date.DayOfWeek + 6) % 7;

    protected static T Fill<T>(T row, DateTime date, long distance, string origin, string destination)
        where T : FlightDelayInput
    {
        row.Distance = distance;
        row.Hour = date.Hour;
        row.Dow = DayOfWeekFromMonday(date);
        row.Month = date.Month;
        row.Origin = origin;
        row.Destination = destination;
        return row;
    }
}

/// <summary>A training row: the contract's inputs plus the label, late = arrival delay of 15 minutes or more.</summary>
public sealed class FlightDelayExample : FlightDelayInput
{
    public const int LateThresholdMinutes = 15;

    public bool Label { get; set; }

    public static FlightDelayExample From(DateTime date, long delayMinutes, long distance, string origin, string destination)
    {
        var row = Fill(new FlightDelayExample(), date, distance, origin, destination);
        row.Label = delayMinutes >= LateThresholdMinutes;
        return row;
    }
}
