using System.Buffers;
using System.Globalization;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Storage;

/// <summary>
/// Durability: restart = newest complete snapshot + replay of the journal files from its generation on; compaction
/// writes a new snapshot in the background and deletes the journal it replaces.
/// </summary>
internal sealed partial class StorageEngine
{
    /// <summary>The journal is folded into a snapshot once it is larger than this and than the last snapshot.</summary>
    private const long CompactionFloorBytes = 64L << 20;

    private int _compacting;
    private long _snapshotBytes;

    public static StorageEngine Open(string dataPath)
    {
        Directory.CreateDirectory(dataPath);
        var engine = new StorageEngine { DataPath = dataPath };
        var generation = engine.LoadNewestSnapshot(dataPath);
        var journals = Generations(dataPath, "journal-", ".log").Where(g => g >= generation).Order().ToList();
        long validLength = 0;
        foreach (var journal in journals)
        {
            validLength = JournalEntry.ReadAll(Storage.Journal.FileName(dataPath, journal), engine.Apply);
            generation = journal;
        }

        DeleteOlderThan(dataPath, generation);
        engine._journal = new Journal(dataPath, generation, validLength);
        return engine;
    }

    /// <summary>Starts a compaction when the journal has grown past its threshold and none is running.</summary>
    public void CompactIfLarge()
    {
        if (_journal is not null && _journal.FileLength > Math.Max(CompactionFloorBytes, _snapshotBytes)
            && Interlocked.CompareExchange(ref _compacting, 1, 0) == 0)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await CompactAsync();
                }
                finally
                {
                    Volatile.Write(ref _compacting, 0);
                }
            });
        }
    }

    /// <summary>Writes a snapshot of the current state and deletes the journal files it makes unnecessary.</summary>
    public async Task CompactAsync()
    {
        var journal = _journal ?? throw new InvalidOperationException("compaction needs a data path");
        List<(BsonDocument[] Catalog, string Ns, byte[][] Documents)> image;
        int generation;
        Lock.EnterReadLock();
        try
        {
            image = AllCollections.Select(c => (CatalogOf(c), c.Namespace, c.Natural(0).Select(r => r.Bson).ToArray())).ToList();
            generation = journal.Rotate();
        }
        finally
        {
            Lock.ExitReadLock();
        }

        var path = Path.Combine(DataPath!, $"snapshot-{generation:D8}.bsnap");
        await Task.Run(() => WriteSnapshot(path, image));
        _snapshotBytes = new FileInfo(path).Length;
        DeleteOlderThan(DataPath!, generation);
    }

    private static BsonDocument[] CatalogOf(CollectionStore c) =>
    [
        new BsonDocument { { "op", "create" }, { "db", c.Database }, { "coll", c.Name }, { "options", c.Options.DeepClone() } },
        .. c.Indexes.Skip(1).Select(i => new BsonDocument
        {
            { "op", "createIndex" }, { "db", c.Database }, { "coll", c.Name }, { "spec", i.Definition.Spec.DeepClone() },
        }),
    ];

    private static void WriteSnapshot(string path, List<(BsonDocument[] Catalog, string Ns, byte[][] Documents)> image)
    {
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 0))
        {
            var buffer = new ArrayBufferWriter<byte>(1 << 20);
            void Spill()
            {
                if (buffer.WrittenCount > (1 << 20))
                {
                    file.Write(buffer.WrittenSpan);
                    buffer.ResetWrittenCount();
                }
            }

            foreach (var (catalog, ns, documents) in image)
            {
                foreach (var change in catalog)
                {
                    JournalEntry.Write(buffer, JournalKind.Catalog, "", change.ToBson());
                }

                foreach (var document in documents)
                {
                    JournalEntry.Write(buffer, JournalKind.Put, ns, document);
                    Spill();
                }
            }

            JournalEntry.Write(buffer, JournalKind.End, "", new BsonDocument().ToBson());
            file.Write(buffer.WrittenSpan);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Loads the newest snapshot that is complete; returns the journal generation replay starts from.</summary>
    private int LoadNewestSnapshot(string dataPath)
    {
        foreach (var generation in Generations(dataPath, "snapshot-", ".bsnap").OrderDescending())
        {
            var path = Path.Combine(dataPath, $"snapshot-{generation:D8}.bsnap");
            var complete = false;
            JournalEntry.ReadAll(path, (kind, ns, bson) =>
            {
                if (kind == JournalKind.End)
                {
                    complete = true;
                }
                else
                {
                    Apply(kind, ns, bson);
                }
            });
            if (complete)
            {
                _snapshotBytes = new FileInfo(path).Length;
                return generation;
            }

            _databases.Clear();
        }

        return Generations(dataPath, "journal-", ".log").DefaultIfEmpty(0).Min();
    }

    private void Apply(JournalKind kind, string ns, byte[] bson)
    {
        switch (kind)
        {
            case JournalKind.Put:
                ApplyPut(ns, bson);
                break;
            case JournalKind.Delete:
                var (db, coll) = Split(ns);
                if (Find(db, coll) is { } store && store.FindById(CollectionStore.Decode(bson)["_id"]) is { } record)
                {
                    store.Delete(record, null);
                }

                break;
            case JournalKind.Catalog:
                ApplyCatalog(CollectionStore.Decode(bson));
                break;
        }
    }

    private void ApplyPut(string ns, byte[] bson)
    {
        var (db, coll) = Split(ns);
        var store = Find(db, coll) ?? CreateUnjournaled(db, coll, new BsonDocument());
        var id = CollectionStore.IdOf(bson);
        if (store.FindById(id) is { } existing)
        {
            var decode = store.HasSecondaryIndexes;
            store.Replace(existing, bson, decode ? CollectionStore.Decode(bson) : [], decode ? CollectionStore.Decode(existing.Bson) : []);
        }
        else
        {
            store.Insert(bson, id, null);
        }
    }

    private void ApplyCatalog(BsonDocument change)
    {
        var db = change["db"].AsString;
        var store = change.TryGetValue("coll", out var coll) ? Find(db, coll.AsString) : null;
        switch (change["op"].AsString)
        {
            case "create" when store is null:
                CreateUnjournaled(db, coll!.AsString, change["options"].AsBsonDocument);
                break;
            case "drop" when store is not null:
                DropUnjournaled(store);
                break;
            case "dropDatabase":
                Collections(db).ToList().ForEach(DropUnjournaled);
                break;
            case "rename" when store is not null:
                RenameUnjournaled(store, change["toDb"].AsString, change["toColl"].AsString);
                break;
            case "createIndex":
                (store ?? CreateUnjournaled(db, coll!.AsString, new BsonDocument())).AddIndex(IndexDefinition.Parse(change["spec"].AsBsonDocument));
                break;
            case "dropIndex" when store is not null:
                store.Indexes.RemoveAll(i => i.Definition.Name == change["name"].AsString);
                break;
            case "options" when store is not null:
                store.Options = change["options"].AsBsonDocument;
                break;
        }
    }

    private static (string Database, string Collection) Split(string ns)
    {
        var dot = ns.IndexOf('.', StringComparison.Ordinal);
        return (ns[..dot], ns[(dot + 1)..]);
    }

    private static IEnumerable<int> Generations(string dataPath, string prefix, string suffix) =>
        Directory.EnumerateFiles(dataPath, prefix + "*" + suffix)
            .Select(f => Path.GetFileName(f)[prefix.Length..^suffix.Length])
            .Where(g => int.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(g => int.Parse(g, CultureInfo.InvariantCulture));

    private static void DeleteOlderThan(string dataPath, int generation)
    {
        foreach (var old in Generations(dataPath, "journal-", ".log").Where(g => g < generation))
        {
            File.Delete(Storage.Journal.FileName(dataPath, old));
        }

        foreach (var old in Generations(dataPath, "snapshot-", ".bsnap").Where(g => g < generation))
        {
            File.Delete(Path.Combine(dataPath, $"snapshot-{old:D8}.bsnap"));
        }

        foreach (var temporary in Directory.EnumerateFiles(dataPath, "*.tmp"))
        {
            File.Delete(temporary);
        }
    }
}
