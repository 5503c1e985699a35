namespace BatchPredict.Samples;

/// <summary>Finds the flights file shipped in the repository (samples/data/flights-3m.parquet) from wherever the program runs.</summary>
public static class FlightDataLocation
{
    public static readonly string RelativePath = Path.Combine("samples", "data", "flights-3m.parquet");

    /// <summary>Looks in the current directory and the executable's directory and each of their parents; null when absent.</summary>
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
