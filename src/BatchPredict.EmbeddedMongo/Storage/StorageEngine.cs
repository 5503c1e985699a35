using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Storage;

/// <summary>
/// All databases and collections, guarded by one reader/writer lock that is held only for the in-memory work of a
/// command (never across socket I/O or fsync). Every change goes through here so it is journaled when durable:
/// the caller takes the journal ticket before releasing the lock and waits for it before acknowledging.
/// </summary>
internal sealed partial class StorageEngine : IAsyncDisposable
{
    private readonly Dictionary<string, Dictionary<string, CollectionStore>> _databases = new(StringComparer.Ordinal);
    private Journal? _journal;

    public ReaderWriterLockSlim Lock { get; } = new(LockRecursionPolicy.NoRecursion);

    public string? DataPath { get; private set; }

    public static StorageEngine InMemory() => new();

    public IEnumerable<string> DatabaseNames => _databases.Where(d => d.Value.Count > 0).Select(d => d.Key);

    public IEnumerable<CollectionStore> Collections(string database) =>
        _databases.TryGetValue(database, out var collections) ? collections.Values : [];

    public IEnumerable<CollectionStore> AllCollections => _databases.Values.SelectMany(d => d.Values);

    public CollectionStore? Find(string database, string collection) =>
        _databases.TryGetValue(database, out var collections) && collections.TryGetValue(collection, out var store) ? store : null;

    /// <summary>The journal position a writer must wait for before acknowledging (0 in memory).</summary>
    public long Ticket => _journal?.LastSequence ?? 0;

    public Task WaitDurableAsync(long ticket) => ticket == 0 || _journal is null ? Task.CompletedTask : _journal.WaitAsync(ticket);

    public CollectionStore GetOrCreate(string database, string collection) =>
        Find(database, collection) ?? Create(database, collection, new BsonDocument());

    public CollectionStore Create(string database, string collection, BsonDocument options)
    {
        CollectionNames.Validate(database, collection);
        if (Find(database, collection) is not null)
        {
            throw new MongoCommandError(ErrorCodes.NamespaceExists, "NamespaceExists", $"Collection {database}.{collection} already exists.");
        }

        Journal(JournalKind.Catalog, new BsonDocument { { "op", "create" }, { "db", database }, { "coll", collection }, { "options", options } });
        return CreateUnjournaled(database, collection, options);
    }

    public Record Insert(CollectionStore store, byte[] bson, BsonValue id, BsonDocument? document)
    {
        var record = store.Insert(bson, id, document);
        _journal?.Append(JournalKind.Put, store.Namespace, bson);
        foreach (var old in store.OverCap())
        {
            Delete(store, old, null);
        }

        return record;
    }

    public void Replace(CollectionStore store, Record record, byte[] bson, BsonDocument newDocument, BsonDocument oldDocument)
    {
        store.Replace(record, bson, newDocument, oldDocument);
        _journal?.Append(JournalKind.Put, store.Namespace, bson);
    }

    public void Delete(CollectionStore store, Record record, BsonDocument? document)
    {
        if (_journal is not null)
        {
            _journal.Append(JournalKind.Delete, store.Namespace, new BsonDocument("_id", CollectionStore.IdOf(record)).ToBson());
        }

        store.Delete(record, document);
    }

    public void Drop(CollectionStore store)
    {
        Journal(JournalKind.Catalog, new BsonDocument { { "op", "drop" }, { "db", store.Database }, { "coll", store.Name } });
        DropUnjournaled(store);
    }

    public void DropDatabase(string database)
    {
        Journal(JournalKind.Catalog, new BsonDocument { { "op", "dropDatabase" }, { "db", database } });
        foreach (var store in Collections(database).ToList())
        {
            DropUnjournaled(store);
        }

        _databases.Remove(database);
    }

    public void Rename(CollectionStore store, string toDatabase, string toCollection)
    {
        CollectionNames.Validate(toDatabase, toCollection);
        Journal(JournalKind.Catalog, new BsonDocument
        {
            { "op", "rename" }, { "db", store.Database }, { "coll", store.Name }, { "toDb", toDatabase }, { "toColl", toCollection },
        });
        RenameUnjournaled(store, toDatabase, toCollection);
    }

    public void CreateIndex(CollectionStore store, BsonDocument spec)
    {
        store.AddIndex(IndexDefinition.Parse(spec));
        Journal(JournalKind.Catalog, new BsonDocument { { "op", "createIndex" }, { "db", store.Database }, { "coll", store.Name }, { "spec", spec } });
    }

    public void DropIndex(CollectionStore store, CollectionIndex index)
    {
        Journal(JournalKind.Catalog, new BsonDocument
        {
            { "op", "dropIndex" }, { "db", store.Database }, { "coll", store.Name }, { "name", index.Definition.Name },
        });
        store.Indexes.Remove(index);
    }

    /// <summary>Replaces the create options (convertToCapped, collMod) and drops what a smaller cap no longer holds.</summary>
    public void SetOptions(CollectionStore store, BsonDocument options)
    {
        Journal(JournalKind.Catalog, new BsonDocument { { "op", "options" }, { "db", store.Database }, { "coll", store.Name }, { "options", options } });
        store.Options = options;
        foreach (var old in store.OverCap())
        {
            Delete(store, old, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_journal is not null)
        {
            await _journal.DisposeAsync();
        }

        Lock.Dispose();
    }

    private void Journal(JournalKind kind, BsonDocument change) => _journal?.Append(kind, "", change.ToBson());

    private CollectionStore CreateUnjournaled(string database, string collection, BsonDocument options)
    {
        if (!_databases.TryGetValue(database, out var collections))
        {
            _databases[database] = collections = new Dictionary<string, CollectionStore>(StringComparer.Ordinal);
        }

        var store = new CollectionStore(database, collection, options);
        collections[collection] = store;
        return store;
    }

    private void DropUnjournaled(CollectionStore store)
    {
        _databases[store.Database].Remove(store.Name);
        store.Dropped = true;
        store.Clear();
    }

    private void RenameUnjournaled(CollectionStore store, string toDatabase, string toCollection)
    {
        if (Find(toDatabase, toCollection) is { } existing)
        {
            DropUnjournaled(existing);
        }

        _databases[store.Database].Remove(store.Name);
        store.Database = toDatabase;
        store.Name = toCollection;
        if (!_databases.TryGetValue(toDatabase, out var collections))
        {
            _databases[toDatabase] = collections = new Dictionary<string, CollectionStore>(StringComparer.Ordinal);
        }

        collections[toCollection] = store;
    }
}
