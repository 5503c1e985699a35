using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Storage;

/// <summary>
/// Removes documents whose TTL index date is older than expireAfterSeconds, as MongoDB's TTL monitor does (an array
/// of dates expires with its earliest date). Deletes are journaled like any other.
/// </summary>
internal static class TtlMonitor
{
    /// <summary>Runs one pass under the write lock; returns the journal ticket to wait for and what was removed.</summary>
    public static (long Ticket, List<(string Namespace, int Count)> Removed) RunOnce(StorageEngine engine, DateTime now)
    {
        var removed = new List<(string, int)>();
        engine.Lock.EnterWriteLock();
        try
        {
            foreach (var store in engine.AllCollections.ToList())
            {
                foreach (var index in store.Indexes.Where(i => i.Definition.ExpireAfterSeconds is not null && i.Definition.Fields.Length == 1).ToList())
                {
                    var cutoff = new BsonDateTime(now.AddSeconds(-index.Definition.ExpireAfterSeconds!.Value));
                    var expired = index.Entries.Ascending(Bound<IndexKey>.None)
                        .Where(e => e.Key[0] is BsonDateTime d && BsonValueOrder.Compare(d, cutoff) < 0)
                        .Select(e => e.Value)
                        .DistinctBy(r => r.Id)
                        .ToList();
                    foreach (var record in expired.Where(r => !r.Deleted))
                    {
                        engine.Delete(store, record, null);
                    }

                    if (expired.Count > 0)
                    {
                        removed.Add((store.Namespace, expired.Count));
                    }
                }
            }

            return (engine.Ticket, removed);
        }
        finally
        {
            engine.Lock.ExitWriteLock();
        }
    }
}
