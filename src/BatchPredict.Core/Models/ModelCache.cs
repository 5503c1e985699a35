using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BatchPredict.Core.Models;

/// <summary>
/// <see cref="IModelCache"/> over the registry's stored bytes. One load task per (name, version, sha256) is shared by
/// every concurrent request; loaded models are weighed by their uncompressed size and the least recently used are
/// dropped once the total exceeds <see cref="ModelRegistryOptions.CacheMaxBytes"/> (runs still holding one keep it alive).
/// A failed load is forgotten so the next request tries again.
/// </summary>
internal sealed class ModelCache(IModelContentReader content, IOptions<ModelRegistryOptions> options, ILogger<ModelCache> logger) : IModelCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<CacheKey, Entry> _entries = [];
    private readonly LinkedList<Entry> _recency = new(); // most recently used first
    private long _cachedBytes;

    public ValueTask<LoadedModel> GetAsync(ModelVersionInfo version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        var key = new CacheKey(version.Name, version.Version, version.Sha256.ToLowerInvariant());
        Task<LoadedModel> load;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                _recency.Remove(entry.Node);
                _recency.AddFirst(entry.Node);
            }
            else
            {
                entry = new Entry(key);
                _entries.Add(key, entry);
                _recency.AddFirst(entry.Node);
                // Not tied to this caller's token: other callers may be waiting for the same load.
                entry.Load = Task.Run(() => LoadAsync(entry, version), CancellationToken.None);
            }

            load = entry.Load!;
        }

        return load.IsCompletedSuccessfully ? ValueTask.FromResult(load.Result) : new ValueTask<LoadedModel>(load.WaitAsync(ct));
    }

    /// <summary>Bytes held by loaded models (their uncompressed size).</summary>
    public long CachedBytes
    {
        get
        {
            lock (_gate)
            {
                return _cachedBytes;
            }
        }
    }

    private async Task<LoadedModel> LoadAsync(Entry entry, ModelVersionInfo version)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var bytes = await content.ReadAsync(version, CancellationToken.None);
            var (model, size) = ModelLoader.Load(version, bytes, options.Value);
            lock (_gate)
            {
                entry.Size = size;
                _cachedBytes += size;
                EvictBeyondLimit(entry);
            }

            Log.ModelLoaded(logger, version.Name, version.Version, version.Sha256, size, watch.ElapsedMilliseconds);
            return model;
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _entries.Remove(entry.Key);
                _recency.Remove(entry.Node);
            }

            Log.ModelLoadFailed(logger, version.Name, version.Version, e.Message);
            throw;
        }
    }

    /// <summary>Drops loaded models from the least recently used end until the total fits; never the one just loaded.</summary>
    private void EvictBeyondLimit(Entry keep)
    {
        var limit = options.Value.CacheMaxBytes;
        var node = _recency.Last;
        while (_cachedBytes > limit && node is not null)
        {
            var previous = node.Previous;
            var candidate = node.Value;
            if (candidate != keep && candidate.Size > 0)
            {
                _recency.Remove(node);
                _entries.Remove(candidate.Key);
                _cachedBytes -= candidate.Size;
                Log.ModelEvicted(logger, candidate.Key.Name, candidate.Key.Version, _cachedBytes, limit);
            }

            node = previous;
        }
    }

    private sealed record CacheKey(string Name, int Version, string Sha256);

    private sealed class Entry
    {
        public Entry(CacheKey key)
        {
            Key = key;
            Node = new LinkedListNode<Entry>(this);
        }

        public CacheKey Key { get; }

        public LinkedListNode<Entry> Node { get; }

        public Task<LoadedModel>? Load { get; set; }

        /// <summary>Uncompressed bytes once loaded; 0 while loading (such entries are never evicted).</summary>
        public long Size { get; set; }
    }
}
