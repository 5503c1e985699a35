using BatchPredict.EmbeddedMongo.Query;
using BatchPredict.EmbeddedMongo.Storage;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>The documents a cursor hands out, resumable batch after batch (called under the read lock).</summary>
internal interface IDocumentStream
{
    IEnumerable<BsonDocument> Resume();
}

/// <summary>
/// Candidates filtered, skipped, limited and projected lazily. A document without projection is sent as its stored
/// bytes (<see cref="RawBsonDocument"/>); it is decoded only when a filter must look at it.
/// </summary>
internal sealed class FilteredStream(RecordSource source, Filter? filter, long skip, long limit, Projection? projection) : IDocumentStream
{
    private long _skip = skip;
    private long _returned;

    public IEnumerable<BsonDocument> Resume()
    {
        foreach (var record in source.Resume())
        {
            if (limit > 0 && _returned >= limit)
            {
                yield break;
            }

            BsonDocument? decoded = null;
            if (filter is not null)
            {
                decoded = CollectionStore.Decode(record.Bson);
                if (!filter.Matches(decoded))
                {
                    continue;
                }
            }

            if (_skip > 0)
            {
                _skip--;
                continue;
            }

            _returned++;
            yield return projection is null
                ? new RawBsonDocument(record.Bson)
                : projection.Apply(decoded ?? CollectionStore.Decode(record.Bson));
        }
    }
}

/// <summary>Documents computed up front (sorted results, aggregation output), handed out in order.</summary>
internal sealed class ListStream(IReadOnlyList<BsonDocument> documents) : IDocumentStream
{
    private int _next;

    public IEnumerable<BsonDocument> Resume()
    {
        while (_next < documents.Count)
        {
            yield return documents[_next++];
        }
    }
}
