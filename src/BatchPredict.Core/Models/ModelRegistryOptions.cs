using System.ComponentModel.DataAnnotations;

namespace BatchPredict.Core.Models;

/// <summary>Limits of the model registry and cache. Section <c>BatchPredict:Models</c>.</summary>
public sealed class ModelRegistryOptions
{
    public const string Section = "BatchPredict:Models";

    /// <summary>Total size of the cached models (their zip size), default 512 MiB; the least recently used go first.</summary>
    [Range(1L, long.MaxValue)]
    public long CacheMaxBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Largest model file accepted (push and load), default 256 MiB.</summary>
    [Range(1L, long.MaxValue)]
    public long MaxCompressedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest total uncompressed size of a model zip's entries, default 1 GiB: a zip bomb is refused before loading.</summary>
    [Range(1L, long.MaxValue)]
    public long MaxUncompressedBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Most entries a model zip may hold, default 10,000 (an ML.NET model has a few dozen).</summary>
    [Range(1, int.MaxValue)]
    public int MaxZipEntries { get; set; } = 10_000;
}
