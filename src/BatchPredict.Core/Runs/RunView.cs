using BatchPredict.Core.Scoring;

namespace BatchPredict.Core.Runs;

/// <summary>A run as shown by the CLI and the HTTP API: plain JSON-friendly values, live rows/s while it runs.</summary>
public sealed record RunView(
    string Id,
    string Job,
    string Status,
    string Trigger,
    string ModelReference,
    ModelLineage Model,
    string Filter,
    bool Incremental,
    DateTime CreatedAt,
    DateTime? FinishedAt,
    long Planned,
    RunCounts Counts,
    double RowsPerSecond,
    double Progress,
    IReadOnlyList<PartitionView> Partitions,
    string? Error)
{
    public static RunView From(RunRecord run, DateTime now)
    {
        var seconds = ((run.FinishedAt ?? now) - run.CreatedAt).TotalSeconds;
        var rowsPerSecond = run.IsFinished ? run.RowsPerSecond : seconds > 0 ? run.Counts.Read / seconds : 0;
        return new RunView(
            run.Id,
            run.Job,
            run.Status.ToString(),
            run.Trigger,
            run.ModelReference,
            run.Model,
            run.Filter,
            run.Incremental,
            run.CreatedAt,
            run.FinishedAt,
            run.Planned,
            run.Counts,
            Math.Round(rowsPerSecond, 1),
            run.Planned == 0 ? (run.IsFinished ? 1 : 0) : Math.Min(1, (double)run.Counts.Read / run.Planned),
            run.Partitions.Select(p => new PartitionView(
                p.Index, p.Status.ToString(), p.Planned, p.Counts.Read, p.Executions, p.Checkpoint.IsBsonNull ? null : p.Checkpoint.ToString())).ToList(),
            run.Error);
    }
}

public sealed record PartitionView(int Index, string Status, long Planned, long Read, int Executions, string? Checkpoint);
