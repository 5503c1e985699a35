namespace BatchPredict.Demo;

/// <summary>
/// What one demo run works with. <see cref="Rows"/> null = every row of the file; <see cref="Fresh"/> drops the demo's
/// collections first; <see cref="ModelsFolder"/> caches the trained demo model zips (and their metrics) between runs.
/// </summary>
public sealed record DemoSettings(string DataFile, string ModelsFolder, long? Rows = null, bool Fresh = false)
{
    /// <summary>The source collection of the demo job (jobs/flight-delay.json) that the flights are imported into.</summary>
    public const string FlightsCollection = "flights";

    /// <summary>The demo job and the model name of the demo model contract.</summary>
    public const string JobName = "flight-delay";

    /// <summary>The alias the nightly job scores with.</summary>
    public const string ProductionAlias = "production";

    /// <summary>Run trigger recorded in bp_runs for the demo's runs.</summary>
    public const string Trigger = "demo";
}
