using System.Security.Cryptography;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BatchPredict.Core.Models;

/// <summary>What push records about a model, read from the model itself.</summary>
internal sealed record ModelInspection(string Sha256, long Size, long UncompressedSize, IReadOnlyList<SchemaColumn> InputSchema, IReadOnlyList<SchemaColumn> OutputSchema);

/// <summary>
/// The one verification path shared by push and load: SHA-256, archive checks (<see cref="ModelArchiveInspector"/>),
/// then ML.NET's own loader, whose failures become errors naming the model.
/// </summary>
internal static class ModelLoader
{
    public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Refuses bytes whose hash differs from the one recorded when the version was pushed.</summary>
    public static void VerifyHash(ModelVersionInfo info, byte[] bytes)
    {
        var actual = Sha256Hex(bytes);
        if (!string.Equals(actual, info.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new BatchPredictException(
                $"Model {info.Name} version {info.Version} failed its integrity check: the stored bytes hash to SHA-256 {actual}, " +
                $"but the registry recorded {info.Sha256}. The stored model was changed or damaged; push the model again as a new version.");
        }
    }

    /// <summary>Checks a file being pushed and reads its schema; <paramref name="subject"/> names it in errors.</summary>
    public static ModelInspection Inspect(byte[] bytes, string subject, ModelRegistryOptions limits)
    {
        var uncompressed = ModelArchiveInspector.Inspect(bytes, subject, limits);
        var (_, transformer, inputSchema) = LoadTransformer(bytes, subject);
        var input = inputSchema.Where(c => !c.IsHidden).Select(c => new SchemaColumn(c.Name, TypeName(c.Type))).ToList();
        var inputNames = input.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var output = transformer.GetOutputSchema(inputSchema)
            .Where(c => !c.IsHidden && !inputNames.Contains(c.Name))
            .Select(c => new SchemaColumn(c.Name, TypeName(c.Type)))
            .ToList();
        return new ModelInspection(Sha256Hex(bytes), bytes.LongLength, uncompressed, input, output);
    }

    /// <summary>Verifies a stored version's bytes and loads it; returns the model and its uncompressed size (the cache's weight).</summary>
    public static (LoadedModel Model, long UncompressedSize) Load(ModelVersionInfo info, byte[] bytes, ModelRegistryOptions limits)
    {
        VerifyHash(info, bytes);
        var subject = $"model {info.Name} version {info.Version}";
        var uncompressed = ModelArchiveInspector.Inspect(bytes, subject, limits);
        var (context, transformer, inputSchema) = LoadTransformer(bytes, subject);
        return (new LoadedModel(info, context, transformer, inputSchema), uncompressed);
    }

    private static string TypeName(DataViewType type) => type.ToString() ?? type.RawType.Name;

    private static (MLContext Context, ITransformer Transformer, DataViewSchema InputSchema) LoadTransformer(byte[] bytes, string subject)
    {
        var context = new MLContext();
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var transformer = context.Model.Load(stream, out var inputSchema);
            return (context, transformer, inputSchema);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            throw ModelArchiveInspector.Refused(subject, $"ML.NET could not load it ({e.Message})");
        }
    }
}
