namespace BatchPredict.EmbeddedMongo.Storage;

/// <summary>
/// Candidate records of a query, resumable: each <see cref="Resume"/> continues after the last record it yielded, by
/// key, so a cursor can stop between batches, let writers change the collection, and go on. Call under the read lock.
/// </summary>
internal abstract class RecordSource
{
    public abstract IEnumerable<Record> Resume();
}

/// <summary>All records in natural order, or newest first.</summary>
internal sealed class NaturalSource(CollectionStore store, bool descending) : RecordSource
{
    private long? _last;

    public override IEnumerable<Record> Resume()
    {
        var records = descending
            ? store.NaturalDescending().SkipWhile(r => _last is { } last && r.Id >= last)
            : store.Natural(_last ?? 0);
        foreach (var record in records)
        {
            _last = record.Id;
            yield return record;
        }
    }
}

/// <summary>The records of one or more key ranges of an index, in index order (or reverse).</summary>
internal sealed class IndexRangeSource(CollectionIndex index, List<(IndexKey Lower, IndexKey Upper)> ranges, bool descending) : RecordSource
{
    private readonly IComparer<IndexKey> _comparer = new IndexKeyComparer(index.Definition.Directions, index.Definition.Unique);
    private readonly HashSet<long>? _seen = index.Multikey || ranges.Count > 1 ? [] : null;
    private int _range;
    private IndexKey? _last;

    /// <summary>The index the planner chose (tests and the planner benchmark check it).</summary>
    public CollectionIndex Index => index;

    public override IEnumerable<Record> Resume()
    {
        for (; _range < ranges.Count; _range++, _last = null)
        {
            var (lower, upper) = ranges[descending ? ranges.Count - 1 - _range : _range];
            var entries = descending
                ? index.Entries.Descending(_last is { } l ? Bound<IndexKey>.At(l, false) : Bound<IndexKey>.At(upper, true))
                : index.Entries.Ascending(_last is { } f ? Bound<IndexKey>.At(f, false) : Bound<IndexKey>.At(lower, true));
            foreach (var entry in entries)
            {
                if (descending ? _comparer.Compare(entry.Key, lower) < 0 : _comparer.Compare(entry.Key, upper) > 0)
                {
                    break;
                }

                _last = entry.Key;
                if (_seen is not null && !_seen.Add(entry.Value.Id))
                {
                    continue;
                }

                yield return entry.Value;
            }
        }
    }
}
