namespace BatchPredict.Core.Models;

/// <summary>What to record with a pushed model. The schema, hash, size and format are read from the model itself.</summary>
/// <param name="Name">The model name; the registry allocates the next version for it.</param>
/// <param name="Alias">When set, the alias is moved to the new version once it is stored.</param>
/// <param name="SourceName">Where the bytes came from (a file name), used in error messages.</param>
public sealed record ModelPushRequest(
    string Name,
    string? Description = null,
    IReadOnlyDictionary<string, string>? Tags = null,
    IReadOnlyDictionary<string, double>? Metrics = null,
    string? Alias = null,
    string? SourceName = null);
