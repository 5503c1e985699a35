namespace BatchPredict.Core.Models;

/// <summary>
/// Immutable model versions in GridFS (<c>bp_models</c>) with their metadata (<c>bp_model_versions</c>) and moving
/// aliases with history (<c>bp_model_aliases</c>). Every failure a user can act on is a <see cref="BatchPredictException"/>
/// naming the model and the version or alias.
/// </summary>
public interface IModelRegistry
{
    /// <summary>
    /// Verifies the model (zip limits, format, loadable by ML.NET), reads its schema, stores it as the next version of
    /// <see cref="ModelPushRequest.Name"/> and, if asked, moves the alias to it.
    /// </summary>
    Task<ModelVersionInfo> PushAsync(Stream model, ModelPushRequest request, CancellationToken ct = default);

    /// <summary>All versions, or those of one model; ordered by name then version.</summary>
    Task<IReadOnlyList<ModelVersionInfo>> ListAsync(string? name = null, CancellationToken ct = default);

    /// <summary>One exact version; throws when it does not exist.</summary>
    Task<ModelVersionInfo> GetAsync(string name, int version, CancellationToken ct = default);

    /// <summary>The version an exact reference or an alias points at now; throws naming the model and version/alias when missing.</summary>
    Task<ModelVersionInfo> ResolveAsync(ModelReference reference, CancellationToken ct = default);

    /// <summary>Points <paramref name="alias"/> at an existing version and appends it to the alias's history.</summary>
    Task<ModelAliasInfo> PromoteAsync(string name, int version, string alias, CancellationToken ct = default);

    /// <summary>Moves the alias back to the version it had before; the history keeps every step (the rollback is a new entry).</summary>
    Task<ModelAliasInfo> RollbackAsync(string name, string alias, CancellationToken ct = default);

    /// <summary>The alias with its history, or null when it does not exist.</summary>
    Task<ModelAliasInfo?> GetAliasAsync(string name, string alias, CancellationToken ct = default);

    /// <summary>All aliases, or those of one model; ordered by name then alias.</summary>
    Task<IReadOnlyList<ModelAliasInfo>> ListAliasesAsync(string? name = null, CancellationToken ct = default);

    /// <summary>Resolves the reference, writes the model's bytes to <paramref name="destination"/> and verifies their SHA-256.</summary>
    Task<ModelVersionInfo> DownloadAsync(ModelReference reference, Stream destination, CancellationToken ct = default);

    /// <summary>Writes an already resolved version's bytes to <paramref name="destination"/> and verifies their SHA-256.</summary>
    Task DownloadAsync(ModelVersionInfo version, Stream destination, CancellationToken ct = default);

    /// <summary>Deletes one version and its bytes; refused while an alias points at it.</summary>
    Task DeleteAsync(string name, int version, CancellationToken ct = default);
}
