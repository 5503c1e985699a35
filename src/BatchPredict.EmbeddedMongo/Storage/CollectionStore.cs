using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace BatchPredict.EmbeddedMongo.Storage;

/// <summary>
/// The documents of one collection in natural (insertion) order, the _id index and the secondary indexes.
/// Every method runs under the storage engine's lock; journaling happens one level up, so replay can call these too.
/// </summary>
internal sealed class CollectionStore
{
    private readonly OrderedMap<long, Record> _natural = new(Comparer<long>.Default);
    private long _nextRecordId = 1;
    private TaskCompletionSource _inserted = NewSignal();
    private volatile bool _awaited;
    private BsonDocument _options = [];

    public CollectionStore(string database, string name, BsonDocument options)
    {
        Database = database;
        Name = name;
        Options = options;
        Indexes.Add(new CollectionIndex(IndexDefinition.IdIndex()));
    }

    public string Database { get; set; }

    public string Name { get; set; }

    public string Namespace => $"{Database}.{Name}";

    /// <summary>The create options as listCollections shows them (capped, size, max, ...).</summary>
    public BsonDocument Options
    {
        get => _options;
        set
        {
            _options = value;
            Capped = value.GetValue("capped", false).ToBoolean();
        }
    }

    public bool Capped { get; private set; }

    public List<CollectionIndex> Indexes { get; } = [];

    public CollectionIndex IdIndex => Indexes[0];

    public bool HasSecondaryIndexes => Indexes.Count > 1;

    public int Count => _natural.Count;

    public long DataSize { get; private set; }

    public bool Dropped { get; set; }

    /// <summary>Completes when a document is inserted; tailable awaitData cursors wait on it.</summary>
    public Task InsertedSignal
    {
        get
        {
            // Inserts replace the signal only while someone waits, so plain inserts allocate nothing for it.
            _awaited = true;
            return _inserted.Task;
        }
    }

    public static BsonDocument Decode(byte[] bson) => BsonSerializer.Deserialize<BsonDocument>(bson);

    public Record? FindById(BsonValue id) =>
        IdIndex.Entries.TryGetValue(new IndexKey(id, 0), out var record) ? record : null;

    public IEnumerable<Record> Natural(long afterRecordId) =>
        _natural.Ascending(Bound<long>.At(afterRecordId, inclusive: false)).Select(e => e.Value);

    public IEnumerable<Record> NaturalDescending() => _natural.Descending(Bound<long>.None).Select(e => e.Value);

    /// <summary>Inserts a document (the decoded form is needed only when secondary indexes exist).</summary>
    public Record Insert(byte[] bson, BsonValue id, BsonDocument? document)
    {
        var record = new Record(_nextRecordId, bson);
        var idKey = new List<IndexKey> { new(id, record.Id) };
        IdIndex.CheckUnique(idKey, null, Namespace);
        List<IndexKey>[]? keys = null;
        if (HasSecondaryIndexes)
        {
            document ??= Decode(bson);
            keys = new List<IndexKey>[Indexes.Count];
            for (var i = 1; i < Indexes.Count; i++)
            {
                keys[i] = Indexes[i].KeysFor(document, record.Id);
                Indexes[i].CheckUnique(keys[i], null, Namespace);
            }
        }

        _nextRecordId++;
        IdIndex.Add(idKey, record);
        for (var i = 1; keys is not null && i < Indexes.Count; i++)
        {
            Indexes[i].Add(keys[i], record);
        }

        _natural.TryAdd(record.Id, record);
        DataSize += bson.Length;
        if (_awaited)
        {
            _awaited = false;
            var signal = _inserted;
            _inserted = NewSignal();
            signal.TrySetResult();
        }

        return record;
    }

    /// <summary>Replaces a record's document in place (natural position kept), keeping every index consistent.</summary>
    public void Replace(Record record, byte[] bson, BsonDocument newDocument, BsonDocument oldDocument)
    {
        var oldKeys = new List<IndexKey>[Indexes.Count];
        var newKeys = new List<IndexKey>[Indexes.Count];
        for (var i = 1; i < Indexes.Count; i++)
        {
            oldKeys[i] = Indexes[i].KeysFor(oldDocument, record.Id);
            newKeys[i] = Indexes[i].KeysFor(newDocument, record.Id);
            Indexes[i].CheckUnique(newKeys[i], record, Namespace);
        }

        for (var i = 1; i < Indexes.Count; i++)
        {
            Indexes[i].Remove(oldKeys[i]);
            Indexes[i].Add(newKeys[i], record);
        }

        DataSize += bson.Length - record.Bson.Length;
        record.Bson = bson;
    }

    public void Delete(Record record, BsonDocument? document)
    {
        if (HasSecondaryIndexes)
        {
            document ??= Decode(record.Bson);
            for (var i = 1; i < Indexes.Count; i++)
            {
                Indexes[i].Remove(Indexes[i].KeysFor(document, record.Id));
            }
        }

        IdIndex.Entries.Remove(new IndexKey(IdOf(record), 0));
        _natural.Remove(record.Id);
        DataSize -= record.Bson.Length;
        record.Deleted = true;
    }

    /// <summary>Builds a new index over the existing documents; a unique violation leaves the collection unchanged.</summary>
    public void AddIndex(IndexDefinition definition)
    {
        var index = new CollectionIndex(definition);
        foreach (var record in Natural(0))
        {
            var keys = index.KeysFor(Decode(record.Bson), record.Id);
            index.CheckUnique(keys, record, Namespace);
            index.Add(keys, record);
        }

        Indexes.Add(index);
    }

    /// <summary>Oldest documents a capped collection must drop to stay within its size and max.</summary>
    public List<Record> OverCap()
    {
        var evict = new List<Record>();
        if (!Capped)
        {
            return evict;
        }

        var size = Options.GetValue("size", long.MaxValue).ToInt64();
        var max = Options.TryGetValue("max", out var m) && m.IsNumeric && m.ToInt64() > 0 ? m.ToInt64() : long.MaxValue;
        long count = Count, bytes = DataSize;
        foreach (var record in Natural(0))
        {
            if ((bytes <= size && count <= max) || count <= 1)
            {
                break;
            }

            evict.Add(record);
            count--;
            bytes -= record.Bson.Length;
        }

        return evict;
    }

    public void Clear()
    {
        foreach (var index in Indexes)
        {
            index.Entries.Clear();
        }

        foreach (var record in Natural(0))
        {
            record.Deleted = true;
        }

        _natural.Clear();
        DataSize = 0;
    }

    public static BsonValue IdOf(Record record) => IdOf(record.Bson);

    /// <summary>The _id of raw BSON without decoding the rest (it is almost always the first field).</summary>
    public static BsonValue IdOf(byte[] bson) => TryGetId(bson, out var id) ? id : BsonNull.Value;

    /// <summary>The _id of raw BSON, if it has one; an embedded document or array is decoded fully.</summary>
    public static bool TryGetId(byte[] bson, out BsonValue id)
    {
        var fast = RawId.TryRead(bson, out id);
        if (fast != RawId.Result.Unknown)
        {
            return fast == RawId.Result.Found;
        }

        using var raw = new RawBsonDocument(bson);
        if (!raw.TryGetValue("_id", out id))
        {
            return false;
        }

        if (id is RawBsonDocument or RawBsonArray)
        {
            id = Decode(bson)["_id"];
        }

        return true;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
