using System.Collections.Concurrent;
using BatchPredict.EmbeddedMongo.Storage;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>An open cursor: where its documents come from and how getMore continues it.</summary>
internal sealed class Cursor(long id, string ns, CollectionStore? store, IDocumentStream stream, bool tailable, bool awaitData)
{
    public long Id { get; } = id;

    public string Namespace { get; } = ns;

    public CollectionStore? Store { get; } = store;

    public IDocumentStream Stream { get; } = stream;

    public bool Tailable { get; } = tailable;

    public bool AwaitData { get; } = awaitData;

    public bool NoTimeout { get; init; }

    public DateTime LastUsed { get; set; }

    /// <summary>Held by the getMore in progress: a cursor serves one getMore at a time.</summary>
    public SemaphoreSlim Busy { get; } = new(1, 1);
}

/// <summary>Open cursors by id; idle cursors are closed after <see cref="IdleTimeout"/> as MongoDB does (10 minutes).</summary>
internal sealed class CursorManager(TimeProvider time)
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(10);

    /// <summary>A batch ends once it holds this many bytes, as MongoDB's 16 MiB reply batches do.</summary>
    public const int MaxBatchBytes = 16 * 1024 * 1024;

    private readonly ConcurrentDictionary<long, Cursor> _cursors = new();

    public Cursor Open(string ns, CollectionStore? store, IDocumentStream stream, bool tailable, bool awaitData, bool noTimeout)
    {
        while (true)
        {
            var id = Random.Shared.NextInt64(1, long.MaxValue);
            var cursor = new Cursor(id, ns, store, stream, tailable, awaitData) { NoTimeout = noTimeout, LastUsed = time.GetUtcNow().UtcDateTime };
            if (_cursors.TryAdd(id, cursor))
            {
                return cursor;
            }
        }
    }

    public bool TryGet(long id, out Cursor cursor) => _cursors.TryGetValue(id, out cursor!);

    public bool Kill(long id) => _cursors.TryRemove(id, out _);

    public void Touch(Cursor cursor) => cursor.LastUsed = time.GetUtcNow().UtcDateTime;

    public int CloseIdle()
    {
        var cutoff = time.GetUtcNow().UtcDateTime - IdleTimeout;
        var closed = 0;
        foreach (var cursor in _cursors.Values)
        {
            if (!cursor.NoTimeout && cursor.LastUsed < cutoff && _cursors.TryRemove(cursor.Id, out _))
            {
                closed++;
            }
        }

        return closed;
    }

    /// <summary>Fills one batch: up to <paramref name="maxCount"/> documents (0 = no count limit) and about 16 MiB.</summary>
    public static BsonArray Fill(IDocumentStream stream, int maxCount, out bool exhausted)
    {
        var batch = new BsonArray();
        long bytes = 0;
        exhausted = true;
        foreach (var document in stream.Resume())
        {
            // Encoded once here, so the size is exact and the reply copies the bytes.
            var raw = document as RawBsonDocument ?? new RawBsonDocument(document.ToBson());
            batch.Add(raw);
            bytes += raw.Slice.Length;
            if ((maxCount > 0 && batch.Count >= maxCount) || bytes >= MaxBatchBytes)
            {
                exhausted = false;
                break;
            }
        }

        return batch;
    }
}
