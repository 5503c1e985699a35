namespace BatchPredict.Core.Scoring;

/// <summary>The exact model a run scores with, resolved once at run start and written beside every prediction.</summary>
public sealed record ModelLineage(string Name, int Version, string Sha256)
{
    public override string ToString() => $"{Name}:{Version} (sha256 {Sha256[..Math.Min(12, Sha256.Length)]})";
}
