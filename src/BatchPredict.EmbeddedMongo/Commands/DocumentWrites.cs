using BatchPredict.EmbeddedMongo.Query;
using BatchPredict.EmbeddedMongo.Storage;
using BatchPredict.EmbeddedMongo.Update;
using BatchPredict.EmbeddedMongo.Wire;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>The document-level steps shared by insert, update, delete and findAndModify (run under the write lock).</summary>
internal static class DocumentWrites
{
    /// <summary>Inserts raw BSON, giving it an ObjectId _id first when it has none.</summary>
    public static BsonValue InsertRaw(StorageEngine engine, CollectionStore store, byte[] bson)
    {
        CheckSize(bson.Length);
        if (!CollectionStore.TryGetId(bson, out var id))
        {
            var document = CollectionStore.Decode(bson);
            document.InsertAt(0, new BsonElement("_id", ObjectId.GenerateNewId()));
            return InsertDocument(engine, store, document);
        }

        CheckId(id);
        engine.Insert(store, bson, id, null);
        return id;
    }

    /// <summary>Inserts a decoded document (upserts), _id first as MongoDB stores it.</summary>
    public static BsonValue InsertDocument(StorageEngine engine, CollectionStore store, BsonDocument document)
    {
        if (!document.TryGetValue("_id", out var id))
        {
            id = ObjectId.GenerateNewId();
            document.InsertAt(0, new BsonElement("_id", id));
        }
        else if (document.IndexOfName("_id") != 0)
        {
            document.Remove("_id");
            document.InsertAt(0, new BsonElement("_id", id));
        }

        CheckId(id);
        var bson = document.ToBson();
        CheckSize(bson.Length);
        engine.Insert(store, bson, id, document);
        return id;
    }

    /// <summary>Applies an update to one matched document; false when it changed nothing.</summary>
    public static bool Apply(StorageEngine engine, CollectionStore store, Record record, BsonDocument document, UpdatePlan plan,
        int? positional, DateTime now, out BsonDocument updated)
    {
        updated = plan.Apply(document, new UpdateContext(now, false, positional));
        var bson = updated.ToBson();
        if (bson.AsSpan().SequenceEqual(record.Bson))
        {
            return false;
        }

        CheckSize(bson.Length);
        engine.Replace(store, record, bson, updated, document);
        return true;
    }

    /// <summary>The document an upsert inserts: the filter's equality fields, then the update applied as an insert.</summary>
    public static BsonDocument Upsert(BsonDocument filter, UpdatePlan plan, DateTime now) =>
        plan.Apply(UpdatePlan.SeedFromFilter(filter), new UpdateContext(now, true, null));

    /// <summary>The matching records (with the positional index of the match), first only unless multi.</summary>
    public static List<(Record Record, BsonDocument Document, int? Position)> Targets(CollectionStore store, QuerySpec query, bool multi)
    {
        var targets = new List<(Record, BsonDocument, int?)>();
        if (QuerySpec.IsIdEquality(query.FilterDocument, out var id))
        {
            // The common write by _id: one index probe, no planning.
            if (store.FindById(id) is { } record)
            {
                var document = CollectionStore.Decode(record.Bson);
                targets.Add((record, document, null));
            }

            return targets;
        }

        // Collected before any change: an update may move entries of the very index being scanned.
        foreach (var (record, document) in query.SortedMatches(store))
        {
            query.Filter.Matches(document, out var position);
            targets.Add((record, document, position));
            if (!multi)
            {
                break;
            }
        }

        return targets;
    }

    private static void CheckId(BsonValue id)
    {
        if (id is BsonDocument document && document.Names.FirstOrDefault(n => n.StartsWith('$')) is { } dollar)
        {
            throw new MongoCommandError(52, "DollarPrefixedFieldName", $"_id fields may not contain '$'-prefixed fields: {dollar} is not valid for storage.");
        }

        if (id is BsonArray or BsonRegularExpression or BsonUndefined)
        {
            throw MongoCommandError.BadValue($"can't use a{(id is BsonArray ? "n array" : " " + id.BsonType)} for _id");
        }
    }

    private static void CheckSize(int length)
    {
        if (length > WireConstants.MaxBsonObjectSize)
        {
            throw new MongoCommandError(10334, "BSONObjectTooLarge",
                $"object to insert too large. size in bytes: {length}, max size: {WireConstants.MaxBsonObjectSize}");
        }
    }
}
