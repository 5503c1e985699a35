namespace BatchPredict.Core.Models;

/// <summary>Reads a stored version's raw bytes (unverified): the cache and the registry verify them themselves.</summary>
internal interface IModelContentReader
{
    Task<byte[]> ReadAsync(ModelVersionInfo version, CancellationToken ct);
}
