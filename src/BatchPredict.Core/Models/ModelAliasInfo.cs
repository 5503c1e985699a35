namespace BatchPredict.Core.Models;

/// <summary>One step in an alias's history: the alias pointed at <paramref name="Version"/> from <paramref name="At"/>.</summary>
public sealed record AliasHistoryEntry(int Version, DateTimeOffset At);

/// <summary>
/// A moving name for one version of a model (<c>production</c>, <c>staging</c>, ...). <see cref="History"/> holds every
/// version the alias has pointed at, oldest first, the current one last; rollback steps back one entry.
/// </summary>
public sealed record ModelAliasInfo(string Name, string Alias, int Version, IReadOnlyList<AliasHistoryEntry> History)
{
    public ModelReference Reference => ModelReference.ForAlias(Name, Alias);
}
