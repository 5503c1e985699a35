using MongoDB.Bson;

namespace BatchPredict.Core.Jobs;

/// <summary>A validated scoring job, as declared in <c>jobs/&lt;name&gt;.json</c> (see jobs/jobs.schema.json).</summary>
public sealed record JobDefinition(
    string Name,
    string? Description,
    JobSource Source,
    IReadOnlyList<FeatureMapping> Features,
    JobModel Model,
    JobOutput Output,
    JobSchedule? Schedule,
    int BatchSize,
    int Partitions,
    double MaxErrorRate,
    JobIncremental Incremental)
{
    public const int DefaultBatchSize = 2000;
    public const int DefaultPartitions = 2;
    public const double DefaultMaxErrorRate = 0.01;

    /// <summary>The file the job was read from; null when the job came from a run record.</summary>
    public string? File { get; init; }

    /// <summary>The job file's text, kept in the run record so a run always executes the job as it was when it started.</summary>
    public string Json { get; init; } = "";
}

public sealed record JobSource(string Collection, BsonDocument Filter);

public enum FeatureType
{
    Single,
    String,
    Boolean,
}

public enum DatePart
{
    Hour,
    DayOfWeek,
    Month,
    Year,
    DayOfMonth,
}

/// <summary>What happens to a document whose value is missing (or null), or cannot be converted.</summary>
public enum ValueRule
{
    /// <summary>Use the feature's <c>default</c>.</summary>
    Default,

    /// <summary>Leave the document unscored and count it as skipped.</summary>
    Skip,

    /// <summary>Record it in bp_deadletters with the field and the reason.</summary>
    DeadLetter,
}

public sealed record FeatureMapping(
    string Column,
    string Path,
    FeatureType Type,
    DatePart? DatePart,
    BsonValue? Default,
    ValueRule Missing,
    ValueRule Invalid);

/// <summary>Model reference by exact version or by alias (exactly one of them).</summary>
public sealed record JobModel(string Name, string? Alias, int? Version)
{
    public override string ToString() => Version is { } v ? $"{Name}:{v}" : $"{Name}@{Alias}";
}

/// <summary>Where predictions go: <see cref="Field"/> on the source document, or on a document keyed by the source _id
/// in <see cref="Collection"/> when it is set.</summary>
public sealed record JobOutput(string Field, string? Collection);

public sealed record JobSchedule(string Cron, TimeZoneInfo TimeZone);

public sealed record JobIncremental(bool Enabled, string? UpdatedAtField);
