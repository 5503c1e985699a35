using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.GridFS;

namespace BatchPredict.Core.Models;

/// <summary>
/// <see cref="IModelRegistry"/> in MongoDB: bytes in the GridFS bucket <c>bp_models</c>, one immutable document per
/// version in <c>bp_model_versions</c>, aliases with history in <c>bp_model_aliases</c> (see the Aliases part).
/// </summary>
internal sealed partial class MongoModelRegistry(
    ModelRegistryCollections collections,
    IOptions<ModelRegistryOptions> options,
    TimeProvider time,
    ILogger<MongoModelRegistry> logger) : IModelRegistry, IModelContentReader
{
    /// <summary>Concurrent pushes of one name race for the next version; the unique index decides and the loser retries.</summary>
    private const int MaxVersionAttempts = 20;

    public async Task<ModelVersionInfo> PushAsync(Stream model, ModelPushRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        ValidatePushRequest(request);
        var subject = request.SourceName is null ? $"the model pushed as {request.Name}" : $"'{request.SourceName}' as a version of {request.Name}";
        var limits = options.Value;
        var bytes = await ReadLimitedAsync(model, limits.MaxCompressedBytes, subject, ct);
        var inspection = ModelLoader.Inspect(bytes, subject, limits);

        await collections.EnsureIndexesAsync(ct);
        var gridFsId = await collections.Bucket.UploadFromBytesAsync(
            $"{request.Name}.zip",
            bytes,
            new GridFSUploadOptions { Metadata = new BsonDocument { ["name"] = request.Name, ["sha256"] = inspection.Sha256 } },
            ct);
        ModelVersionDocument document;
        try
        {
            document = await InsertNextVersionAsync(request, inspection, gridFsId, ct);
        }
        catch (Exception)
        {
            await DeleteOrphanAsync(gridFsId);
            throw;
        }

        Log.ModelPushed(logger, document.Name, document.Version, document.Sha256, document.Size);
        if (request.Alias is not null)
        {
            await PromoteAsync(document.Name, document.Version, request.Alias, ct);
        }

        return document.ToInfo();
    }

    public async Task<IReadOnlyList<ModelVersionInfo>> ListAsync(string? name = null, CancellationToken ct = default)
    {
        var filter = name is null ? Builders<ModelVersionDocument>.Filter.Empty : Builders<ModelVersionDocument>.Filter.Eq(v => v.Name, name);
        var documents = await collections.Versions.Find(filter)
            .Sort(Builders<ModelVersionDocument>.Sort.Ascending(v => v.Name).Ascending(v => v.Version))
            .ToListAsync(ct);
        return documents.Select(d => d.ToInfo()).ToList();
    }

    public async Task<ModelVersionInfo> GetAsync(string name, int version, CancellationToken ct = default)
    {
        var document = await collections.Versions.Find(v => v.Name == name && v.Version == version).FirstOrDefaultAsync(ct);
        if (document is not null)
        {
            return document.ToInfo();
        }

        var versions = await VersionNumbersAsync(name, ct);
        throw new BatchPredictException(versions.Count == 0
            ? $"There is no model named '{name}' in the registry; push one with: batchpredict models push <model.zip> --name {name}"
            : $"Model {name} has no version {version} (it has versions {string.Join(", ", versions)}).");
    }

    public Task<ModelVersionInfo> ResolveAsync(ModelReference reference, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.IsExactVersion ? GetAsync(reference.Name, reference.Version.Value, ct) : ResolveAliasAsync(reference.Name, reference.Alias, ct);
    }

    public async Task<ModelVersionInfo> DownloadAsync(ModelReference reference, Stream destination, CancellationToken ct = default)
    {
        var version = await ResolveAsync(reference, ct);
        await DownloadAsync(version, destination, ct);
        return version;
    }

    public async Task DownloadAsync(ModelVersionInfo version, Stream destination, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var bytes = await ReadAsync(version, ct);
        ModelLoader.VerifyHash(version, bytes);
        await destination.WriteAsync(bytes, ct);
    }

    public async Task DeleteAsync(string name, int version, CancellationToken ct = default)
    {
        var info = await GetAsync(name, version, ct);
        var pointing = await collections.Aliases.Find(a => a.Name == name && a.Version == version).ToListAsync(ct);
        if (pointing.Count > 0)
        {
            var aliases = string.Join(", ", pointing.Select(a => $"{name}@{a.Alias}"));
            throw new BatchPredictException($"Model {name} version {version} is not deleted: {aliases} points at it. Promote another version to that alias first.");
        }

        await collections.Versions.DeleteOneAsync(v => v.Name == name && v.Version == version, ct);
        await DeleteOrphanAsync(info.GridFsId);
        Log.ModelDeleted(logger, name, version);
    }

    /// <summary>The stored bytes as they are, not verified: the callers check the hash.</summary>
    public async Task<byte[]> ReadAsync(ModelVersionInfo version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(version);
        var limit = options.Value.MaxCompressedBytes;
        if (version.Size > limit)
        {
            throw ModelArchiveInspector.Refused($"model {version.Name} version {version.Version}", $"it is {version.Size:N0} bytes, more than the limit of {limit:N0} (BatchPredict:Models:MaxCompressedBytes)");
        }

        try
        {
            return await collections.Bucket.DownloadAsBytesAsync(version.GridFsId, cancellationToken: ct);
        }
        catch (GridFSException e)
        {
            throw new BatchPredictException($"The stored bytes of model {version.Name} version {version.Version} (GridFS file {version.GridFsId} in bp_models) cannot be read: {e.Message}", e);
        }
    }

    private async Task<ModelVersionDocument> InsertNextVersionAsync(ModelPushRequest request, ModelInspection inspection, ObjectId gridFsId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var latest = await collections.Versions.Find(v => v.Name == request.Name)
                .SortByDescending(v => v.Version).Limit(1).FirstOrDefaultAsync(ct);
            var document = NewVersionDocument(request, inspection, gridFsId, (latest?.Version ?? 0) + 1);
            try
            {
                await collections.Versions.InsertOneAsync(document, cancellationToken: ct);
                return document;
            }
            catch (MongoWriteException e) when (e.WriteError?.Category == ServerErrorCategory.DuplicateKey && attempt < MaxVersionAttempts)
            {
                // Another push took this version number first; read the new latest and try the next one.
            }
        }
    }

    private ModelVersionDocument NewVersionDocument(ModelPushRequest request, ModelInspection inspection, ObjectId gridFsId, int version) => new()
    {
        Id = ObjectId.GenerateNewId(),
        Name = request.Name,
        Version = version,
        Sha256 = inspection.Sha256,
        Size = inspection.Size,
        Format = ModelVersionInfo.MlNetZipFormat,
        InputSchema = inspection.InputSchema.Select(SchemaColumnDocument.From).ToList(),
        OutputSchema = inspection.OutputSchema.Select(SchemaColumnDocument.From).ToList(),
        Metrics = request.Metrics?.ToDictionary() ?? [],
        Tags = request.Tags?.ToDictionary() ?? [],
        Description = request.Description,
        GridFsId = gridFsId,
        CreatedAt = time.GetUtcNow().UtcDateTime,
    };

    private async Task<List<int>> VersionNumbersAsync(string name, CancellationToken ct) =>
        await collections.Versions.Find(v => v.Name == name).SortBy(v => v.Version).Project(v => v.Version).ToListAsync(ct);

    private async Task DeleteOrphanAsync(ObjectId gridFsId)
    {
        try
        {
            await collections.Bucket.DeleteAsync(gridFsId, CancellationToken.None);
        }
        catch (GridFSFileNotFoundException)
        {
            // Already gone: nothing is left behind.
        }
    }
}
