using MongoDB.Bson;

namespace BatchPredict.Core.Models;

/// <summary>One column of a model's input or output schema, as ML.NET reports it (e.g. <c>Single</c>, <c>String</c>, <c>Vector&lt;Single, 3&gt;</c>).</summary>
public sealed record SchemaColumn(string Name, string Type);

/// <summary>An immutable model version in the registry: the metadata document of <c>bp_model_versions</c>.</summary>
public sealed record ModelVersionInfo(
    string Name,
    int Version,
    string Sha256,
    long Size,
    string Format,
    IReadOnlyList<SchemaColumn> InputSchema,
    IReadOnlyList<SchemaColumn> OutputSchema,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, string> Tags,
    string? Description,
    DateTimeOffset CreatedAt,
    ObjectId GridFsId)
{
    /// <summary>The only format loaded today: a zip written by ML.NET's <c>MLContext.Model.Save</c>.</summary>
    public const string MlNetZipFormat = "mlnet-zip";

    public ModelReference Reference => ModelReference.ForVersion(Name, Version);

    public override string ToString() => $"{Name}:{Version}";
}
