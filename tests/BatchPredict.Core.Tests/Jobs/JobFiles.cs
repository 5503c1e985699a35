namespace BatchPredict.Core.Tests.Jobs;

/// <summary>Locates the repository's jobs folder and writes job files into temporary folders.</summary>
internal static class JobFiles
{
    public static string RepositoryJobs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "jobs", "jobs.schema.json");
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "BatchPredict.sln")))
            {
                return Path.GetDirectoryName(candidate)!;
            }
        }

        throw new DirectoryNotFoundException("jobs/ not found above the test directory");
    }

    public static string DemoJobJson() => File.ReadAllText(Path.Combine(RepositoryJobs(), "flight-delay.json"));

    /// <summary>A fresh folder holding the given files.</summary>
    public static string Folder(params (string Name, string Json)[] files)
    {
        var dir = Path.Combine(Path.GetTempPath(), "bp-jobs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (var (name, json) in files)
        {
            File.WriteAllText(Path.Combine(dir, name), json);
        }

        return dir;
    }
}
