namespace BatchPredict.Core.Models;

/// <summary>Checks of what a user passes in, before anything is stored.</summary>
internal sealed partial class MongoModelRegistry
{
    private static void ValidatePushRequest(ModelPushRequest request)
    {
        if (!ModelReference.IsValidName(request.Name))
        {
            throw new BatchPredictException($"'{request.Name}' is not a valid model name: start with a letter or digit and use only letters, digits, '.', '_' or '-' (at most 100).");
        }

        if (request.Alias is not null)
        {
            ValidateAlias(request.Alias);
        }

        // Keys become field names of the version document: MongoDB forbids a leading '$' and '.' means a path.
        foreach (var key in (request.Tags?.Keys ?? []).Concat(request.Metrics?.Keys ?? []))
        {
            if (key.Length == 0 || key.StartsWith('$') || key.Contains('.', StringComparison.Ordinal))
            {
                throw new BatchPredictException($"'{key}' cannot be a tag or metric name: it must be non-empty, not start with '$' and hold no '.'.");
            }
        }
    }

    private static void ValidateAlias(string alias)
    {
        if (!ModelReference.IsValidAlias(alias))
        {
            throw new BatchPredictException($"'{alias}' is not a valid alias: start with a letter and use only letters, digits, '.', '_' or '-' (at most 64).");
        }
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; refuses a larger stream without reading all of it.</summary>
    private static async Task<byte[]> ReadLimitedAsync(Stream source, long limit, string subject, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw ModelArchiveInspector.Refused(subject, $"it is more than the limit of {limit:N0} bytes (BatchPredict:Models:MaxCompressedBytes)");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
