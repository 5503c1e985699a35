namespace BatchPredict.Core.Jobs;

/// <summary>
/// All jobs of the jobs folder, loaded and validated together: one bad file stops the whole catalog (and so the host),
/// with every error of every file in the message, so nothing starts half-configured.
/// </summary>
public sealed class JobCatalog
{
    private readonly Dictionary<string, JobDefinition> _jobs;

    public JobCatalog(string directory, IEnumerable<JobDefinition> jobs)
    {
        Directory = directory;
        _jobs = jobs.ToDictionary(j => j.Name, StringComparer.Ordinal);
    }

    public string Directory { get; }

    public IReadOnlyCollection<JobDefinition> Jobs => _jobs.Values;

    public bool Contains(string name) => _jobs.ContainsKey(name);

    public JobDefinition Get(string name) =>
        _jobs.TryGetValue(name, out var job)
            ? job
            : throw new BatchPredictException($"no job named '{name}' in {Directory} (known: {string.Join(", ", _jobs.Keys.Order())})");

    /// <summary>Reads every <c>*.json</c> of <paramref name="directory"/> except <c>*.schema.json</c>.</summary>
    public static JobCatalog Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new BatchPredictException($"jobs folder {directory} does not exist (set BatchPredict:Jobs:Directory)");
        }

        var errors = new List<JobFileError>();
        var jobs = new List<JobDefinition>();
        var files = System.IO.Directory.GetFiles(directory, "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var job = JobFileParser.TryParse(file, File.ReadAllText(file), errors);
            if (job is null)
            {
                continue;
            }

            if (jobs.FirstOrDefault(j => j.Name == job.Name) is { } other)
            {
                errors.Add(new JobFileError(file, "/name", $"job name '{job.Name}' is already used by {other.File}"));
                continue;
            }

            jobs.Add(job);
        }

        return errors.Count > 0 ? throw new JobConfigurationException(errors) : new JobCatalog(directory, jobs);
    }
}
