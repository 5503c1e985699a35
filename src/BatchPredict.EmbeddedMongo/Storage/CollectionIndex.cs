using System.Text;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Storage;

/// <summary>One index of a collection: its definition and its sorted entries pointing at records.</summary>
internal sealed class CollectionIndex
{
    public CollectionIndex(IndexDefinition definition)
    {
        Definition = definition;
        Entries = new OrderedMap<IndexKey, Record>(new IndexKeyComparer(definition.Directions, definition.Unique));
    }

    public IndexDefinition Definition { get; }

    public OrderedMap<IndexKey, Record> Entries { get; }

    /// <summary>Some document produced several keys (an array on an indexed path): the index then gives no sort order.</summary>
    public bool Multikey { get; private set; }

    /// <summary>Sparse and partial indexes leave documents out, so a query may only use indexes that hold every document.</summary>
    public bool Complete => !Definition.Sparse && Definition.PartialFilter is null;

    /// <summary>The distinct keys of the document, or none when a sparse or partial index leaves it out.</summary>
    public List<IndexKey> KeysFor(BsonDocument document, long recordId)
    {
        if (Definition.IsId)
        {
            return [new IndexKey(document.GetValue("_id", BsonNull.Value), recordId)];
        }

        if (Definition.PartialFilter is { } partial && !partial.Matches(document))
        {
            return [];
        }

        var values = IndexKeys.For(document, Definition, out var multikey, out var allMissing);
        if (Definition.Sparse && allMissing)
        {
            return [];
        }

        Multikey |= multikey;
        var keys = new List<IndexKey>(values.Count);
        var comparer = new IndexKeyComparer(Definition.Directions, unique: true);
        foreach (var value in values)
        {
            var key = new IndexKey(value, recordId);
            if (!keys.Exists(k => comparer.Compare(k, key) == 0))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>Throws the E11000 error when a unique key is already held by another record.</summary>
    public void CheckUnique(List<IndexKey> keys, Record? self, string ns)
    {
        if (!Definition.Unique)
        {
            return;
        }

        foreach (var key in keys)
        {
            if (Entries.TryGetValue(key, out var holder) && !ReferenceEquals(holder, self))
            {
                throw DuplicateKey(ns, key);
            }
        }
    }

    public void Add(List<IndexKey> keys, Record record)
    {
        foreach (var key in keys)
        {
            Entries.TryAdd(key, record);
        }
    }

    public void Remove(List<IndexKey> keys)
    {
        foreach (var key in keys)
        {
            Entries.Remove(key);
        }
    }

    public MongoCommandError DuplicateKey(string ns, IndexKey key)
    {
        var text = new StringBuilder("{ ");
        for (var i = 0; i < Definition.Fields.Length; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append(Definition.Fields[i]).Append(": ").Append(Shell(key[i]));
        }

        text.Append(" }");
        var error = new MongoCommandError(ErrorCodes.DuplicateKey, "DuplicateKey",
            $"E11000 duplicate key error collection: {ns} index: {Definition.Name} dup key: {text}");
        var keyPattern = new BsonDocument(Definition.Fields.Select(f => new BsonElement(f, 1)));
        var keyValue = new BsonDocument(Definition.Fields.Select((f, i) => new BsonElement(f, key[i])));
        error.Data["keyPattern"] = keyPattern;
        error.Data["keyValue"] = keyValue;
        return error;
    }

    /// <summary>A value written the way the mongo shell prints it inside an E11000 message.</summary>
    private static string Shell(BsonValue value) => value switch
    {
        BsonObjectId id => $"ObjectId('{id.Value}')",
        BsonString s => new BsonString(s.Value).ToJson(),
        BsonDateTime d => $"new Date({d.MillisecondsSinceEpoch})",
        BsonNull => "null",
        _ => value.ToJson(),
    };
}
