using MongoDB.Driver;

namespace BatchPredict.Core.Models;

/// <summary>
/// Aliases: promote appends a step to the history; rollback replays the history (promote = push, rollback = pop) and
/// moves the alias to the version below the current one, appending a rollback step, so history is never rewritten.
/// </summary>
internal sealed partial class MongoModelRegistry
{
    public async Task<ModelAliasInfo> PromoteAsync(string name, int version, string alias, CancellationToken ct = default)
    {
        ValidateAlias(alias);
        await GetAsync(name, version, ct);
        await collections.EnsureIndexesAsync(ct);
        var before = await collections.Aliases.Find(a => a.Name == name && a.Alias == alias).FirstOrDefaultAsync(ct);
        if (before?.Version == version)
        {
            return before.ToInfo();
        }

        var step = new AliasHistoryDocument { Version = version, At = time.GetUtcNow().UtcDateTime, Action = AliasHistoryEntry.Promote };
        var after = await collections.Aliases.FindOneAndUpdateAsync(
            Builders<ModelAliasDocument>.Filter.Where(a => a.Name == name && a.Alias == alias),
            Builders<ModelAliasDocument>.Update.Set(a => a.Version, version).Push(a => a.History, step),
            new FindOneAndUpdateOptions<ModelAliasDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
            ct);
        Log.AliasMoved(logger, name, alias, version, before?.Version);
        return after.ToInfo();
    }

    public async Task<ModelAliasInfo> RollbackAsync(string name, string alias, CancellationToken ct = default)
    {
        ValidateAlias(alias);
        var current = await collections.Aliases.Find(a => a.Name == name && a.Alias == alias).FirstOrDefaultAsync(ct)
            ?? throw await MissingAliasAsync(name, alias, ct);
        var stack = PromotionStack(current.History);
        if (stack.Count < 2)
        {
            throw new BatchPredictException($"{name}@{alias} cannot be rolled back: it has pointed only at version {current.Version} (see batchpredict models show {name}@{alias}).");
        }

        var target = stack[^2];
        var step = new AliasHistoryDocument { Version = target, At = time.GetUtcNow().UtcDateTime, Action = AliasHistoryEntry.Rollback };
        // Only if nobody moved the alias since it was read: the history length is the alias's version stamp.
        var filter = Builders<ModelAliasDocument>.Filter.Where(a => a.Name == name && a.Alias == alias)
            & Builders<ModelAliasDocument>.Filter.Size(a => a.History, current.History.Count);
        var after = await collections.Aliases.FindOneAndUpdateAsync(
            filter,
            Builders<ModelAliasDocument>.Update.Set(a => a.Version, target).Push(a => a.History, step),
            new FindOneAndUpdateOptions<ModelAliasDocument> { ReturnDocument = ReturnDocument.After },
            ct) ?? throw new BatchPredictException($"{name}@{alias} was moved by someone else while rolling back; look at batchpredict models show {name}@{alias} and try again.");
        Log.AliasMoved(logger, name, alias, target, current.Version);
        return after.ToInfo();
    }

    public async Task<ModelAliasInfo?> GetAliasAsync(string name, string alias, CancellationToken ct = default)
    {
        var document = await collections.Aliases.Find(a => a.Name == name && a.Alias == alias).FirstOrDefaultAsync(ct);
        return document?.ToInfo();
    }

    public async Task<IReadOnlyList<ModelAliasInfo>> ListAliasesAsync(string? name = null, CancellationToken ct = default)
    {
        var filter = name is null ? Builders<ModelAliasDocument>.Filter.Empty : Builders<ModelAliasDocument>.Filter.Eq(a => a.Name, name);
        var documents = await collections.Aliases.Find(filter)
            .Sort(Builders<ModelAliasDocument>.Sort.Ascending(a => a.Name).Ascending(a => a.Alias))
            .ToListAsync(ct);
        return documents.Select(d => d.ToInfo()).ToList();
    }

    /// <summary>The versions still "under" the alias: each promote stacks a version, each rollback takes the top one off.</summary>
    internal static List<int> PromotionStack(IEnumerable<AliasHistoryDocument> history)
    {
        var stack = new List<int>();
        foreach (var step in history)
        {
            if (step.Action == AliasHistoryEntry.Rollback && stack.Count > 1)
            {
                stack.RemoveAt(stack.Count - 1);
            }
            else if (step.Action != AliasHistoryEntry.Rollback)
            {
                stack.Add(step.Version);
            }
        }

        return stack;
    }

    private async Task<ModelVersionInfo> ResolveAliasAsync(string name, string alias, CancellationToken ct)
    {
        var document = await collections.Aliases.Find(a => a.Name == name && a.Alias == alias).FirstOrDefaultAsync(ct)
            ?? throw await MissingAliasAsync(name, alias, ct);
        return await GetAsync(name, document.Version, ct);
    }

    private async Task<BatchPredictException> MissingAliasAsync(string name, string alias, CancellationToken ct)
    {
        var others = await collections.Aliases.Find(a => a.Name == name).Project(a => a.Alias).ToListAsync(ct);
        if (others.Count == 0 && (await VersionNumbersAsync(name, ct)).Count == 0)
        {
            return new BatchPredictException($"There is no model named '{name}' in the registry; push one with: batchpredict models push <model.zip> --name {name}");
        }

        var known = others.Count == 0 ? "it has no aliases yet" : $"its aliases are {string.Join(", ", others.Order(StringComparer.Ordinal))}";
        return new BatchPredictException($"Model {name} has no alias '{alias}' ({known}); set it with: batchpredict models promote {name} --version <V> --alias {alias}");
    }
}
