namespace BatchPredict.Core.Scoring;

public enum MapStatus
{
    Mapped,
    Skipped,
    DeadLetter,
}

/// <summary>What became of one document: mapped into the batch, skipped by a job rule, or a dead letter (field and reason).</summary>
public readonly record struct MapOutcome(MapStatus Status, string? Field, string? Reason)
{
    public static MapOutcome Mapped { get; } = new(MapStatus.Mapped, null, null);

    public static MapOutcome Skipped(string field, string reason) => new(MapStatus.Skipped, field, reason);

    public static MapOutcome Dead(string field, string reason) => new(MapStatus.DeadLetter, field, reason);
}
