namespace BatchPredict.Core.Models;

/// <summary>
/// Loaded models keyed by (name, version, sha256), bounded by bytes, least recently used evicted first. Concurrent
/// requests for one version share a single download, verification and load.
/// </summary>
public interface IModelCache
{
    /// <summary>Returns the loaded model for an already resolved version, loading and verifying it on first use.</summary>
    ValueTask<LoadedModel> GetAsync(ModelVersionInfo version, CancellationToken ct = default);
}
