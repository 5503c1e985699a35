namespace BatchPredict.Core.Models;

/// <summary>
/// One step in an alias's history: from <paramref name="At"/> the alias pointed at <paramref name="Version"/>, moved
/// there by <paramref name="Action"/> (<see cref="Promote"/> or <see cref="Rollback"/>).
/// </summary>
public sealed record AliasHistoryEntry(int Version, DateTimeOffset At, string Action = AliasHistoryEntry.Promote)
{
    public const string Promote = "promote";
    public const string Rollback = "rollback";
}

/// <summary>
/// A moving name for one version of a model (<c>production</c>, <c>staging</c>, ...). <see cref="History"/> holds every
/// version the alias has pointed at, oldest first, the current one last; rollback steps back one entry.
/// </summary>
public sealed record ModelAliasInfo(string Name, string Alias, int Version, IReadOnlyList<AliasHistoryEntry> History)
{
    public ModelReference Reference => ModelReference.ForAlias(Name, Alias);
}
