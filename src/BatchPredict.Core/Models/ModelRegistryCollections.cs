using MongoDB.Driver;
using MongoDB.Driver.GridFS;

namespace BatchPredict.Core.Models;

/// <summary>The registry's collections and GridFS bucket, with their unique indexes created once per process.</summary>
internal sealed class ModelRegistryCollections
{
    public const string BucketName = "bp_models";
    public const string VersionsCollection = "bp_model_versions";
    public const string AliasesCollection = "bp_model_aliases";

    private readonly SemaphoreSlim _indexGate = new(1, 1);
    private volatile bool _indexesReady;

    public ModelRegistryCollections(IMongoDatabase database)
    {
        Versions = database.GetCollection<ModelVersionDocument>(VersionsCollection);
        Aliases = database.GetCollection<ModelAliasDocument>(AliasesCollection);
        Bucket = new GridFSBucket(database, new GridFSBucketOptions { BucketName = BucketName });
    }

    public IMongoCollection<ModelVersionDocument> Versions { get; }

    public IMongoCollection<ModelAliasDocument> Aliases { get; }

    public IGridFSBucket Bucket { get; }

    /// <summary>Versions are unique per name (this is what makes concurrent pushes safe), aliases unique per name.</summary>
    public async Task EnsureIndexesAsync(CancellationToken ct)
    {
        if (_indexesReady)
        {
            return;
        }

        await _indexGate.WaitAsync(ct);
        try
        {
            if (!_indexesReady)
            {
                await Versions.Indexes.CreateOneAsync(
                    new CreateIndexModel<ModelVersionDocument>(
                        Builders<ModelVersionDocument>.IndexKeys.Ascending(v => v.Name).Ascending(v => v.Version),
                        new CreateIndexOptions { Unique = true, Name = "name_version_unique" }),
                    cancellationToken: ct);
                await Aliases.Indexes.CreateOneAsync(
                    new CreateIndexModel<ModelAliasDocument>(
                        Builders<ModelAliasDocument>.IndexKeys.Ascending(a => a.Name).Ascending(a => a.Alias),
                        new CreateIndexOptions { Unique = true, Name = "name_alias_unique" }),
                    cancellationToken: ct);
                _indexesReady = true;
            }
        }
        finally
        {
            _indexGate.Release();
        }
    }
}
