using BatchPredict.Core.Scoring;
using MongoDB.Bson;

namespace BatchPredict.Core.Runs;

public enum RunStatus
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

public enum PartitionStatus
{
    Pending,
    Running,
    Done,
}

/// <summary>One run in <c>bp_runs</c>. Counts are incremented with each checkpoint, so they are live while it runs.</summary>
public sealed class RunRecord
{
    public required string Id { get; init; }

    public required string Job { get; init; }

    public RunStatus Status { get; set; }

    /// <summary>schedule, cli, api, demo ...</summary>
    public required string Trigger { get; init; }

    /// <summary>The reference asked for (flight-delay@production) and what it resolved to at run start.</summary>
    public required string ModelReference { get; init; }

    public required ModelLineage Model { get; init; }

    /// <summary>The effective filter as extended JSON (job or override filter, plus the incremental condition).</summary>
    public required string Filter { get; init; }

    public bool Incremental { get; init; }

    /// <summary>The job's maxErrorRate at run start: the run fails when deadLettered/read exceeds it.</summary>
    public double MaxErrorRate { get; init; }

    /// <summary>The job file as it was when the run started; partitions execute this, not a later edit.</summary>
    public required string JobJson { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? FinishedAt { get; set; }

    public DateTime HeartbeatAt { get; set; }

    public long Planned { get; init; }

    /// <summary>The selected documents' _ids are of more than one BSON type (see RunFilters.Partition).</summary>
    public bool MixedIdTypes { get; init; }

    public RunCounts Counts { get; set; } = new();

    public double RowsPerSecond { get; set; }

    public int PartitionsDone { get; set; }

    public List<PartitionProgress> Partitions { get; init; } = [];

    public string? Error { get; set; }

    public bool IsFinished => Status != RunStatus.Running;
}

public sealed class RunCounts
{
    public long Read { get; set; }

    public long Scored { get; set; }

    public long Written { get; set; }

    public long Skipped { get; set; }

    public long DeadLettered { get; set; }
}

/// <summary>One _id range [Lower, Upper) of a run; a null bound is open. Checkpoint: the last _id whose batch was written.</summary>
public sealed class PartitionProgress
{
    public int Index { get; init; }

    public BsonValue Lower { get; init; } = BsonNull.Value;

    public BsonValue Upper { get; init; } = BsonNull.Value;

    public long Planned { get; init; }

    public PartitionStatus Status { get; set; }

    public BsonValue Checkpoint { get; set; } = BsonNull.Value;

    public int Executions { get; set; }

    public RunCounts Counts { get; set; } = new();

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}
