namespace BatchPredict.EmbeddedMongo.Storage;

/// <summary>
/// A sorted map kept as a list of small sorted chunks (a flat B+-tree). Chosen over SortedDictionary because it costs
/// two references per entry instead of a tree node per entry (millions of documents), appends in key order fill
/// chunks completely, and range scans can resume from any key after the map has changed (cursors resume by key).
/// Not thread-safe: the storage engine's lock guards it.
/// </summary>
internal sealed class OrderedMap<TKey, TValue>
{
    private const int ChunkCapacity = 256;
    private readonly List<Chunk> _chunks = [];
    private readonly IComparer<TKey> _comparer;

    public OrderedMap(IComparer<TKey> comparer) => _comparer = comparer;

    public int Count { get; private set; }

    public bool TryGetValue(TKey key, out TValue value)
    {
        var (chunk, index) = Locate(key);
        if (chunk >= 0 && index >= 0)
        {
            value = _chunks[chunk].Values[index];
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Adds the entry; false (and no change) when the key is already present.</summary>
    public bool TryAdd(TKey key, TValue value)
    {
        if (_chunks.Count == 0)
        {
            _chunks.Add(new Chunk());
        }

        var (chunkIndex, index) = Locate(key);
        if (chunkIndex >= 0 && index >= 0)
        {
            return false;
        }

        if (chunkIndex < 0)
        {
            chunkIndex = _chunks.Count - 1;
        }

        var chunk = _chunks[chunkIndex];
        var at = ~index;
        if (chunk.Count == ChunkCapacity)
        {
            // Appending past the last key opens a new chunk, so key-ordered inserts leave full chunks behind.
            if (chunkIndex == _chunks.Count - 1 && at == chunk.Count)
            {
                var fresh = new Chunk();
                fresh.Insert(0, key, value);
                _chunks.Add(fresh);
                Count++;
                return true;
            }

            var right = chunk.SplitHalf();
            _chunks.Insert(chunkIndex + 1, right);
            if (at > chunk.Count)
            {
                chunk = right;
                at -= _chunks[chunkIndex].Count;
            }
        }

        chunk.Insert(at, key, value);
        Count++;
        return true;
    }

    public bool Remove(TKey key)
    {
        var (chunkIndex, index) = Locate(key);
        if (chunkIndex < 0 || index < 0)
        {
            return false;
        }

        var chunk = _chunks[chunkIndex];
        chunk.RemoveAt(index);
        if (chunk.Count == 0)
        {
            _chunks.RemoveAt(chunkIndex);
        }

        Count--;
        return true;
    }

    public void Clear()
    {
        _chunks.Clear();
        Count = 0;
    }

    /// <summary>Entries from <paramref name="from"/> in ascending key order (all when from is unbounded).</summary>
    public IEnumerable<KeyValuePair<TKey, TValue>> Ascending(Bound<TKey> from)
    {
        var (chunk, index) = from.HasValue ? Seek(from.Key, from.Inclusive) : (0, 0);
        for (; chunk < _chunks.Count; chunk++, index = 0)
        {
            var c = _chunks[chunk];
            for (; index < c.Count; index++)
            {
                yield return new(c.Keys[index], c.Values[index]);
            }
        }
    }

    /// <summary>Entries from <paramref name="from"/> downwards in descending key order.</summary>
    public IEnumerable<KeyValuePair<TKey, TValue>> Descending(Bound<TKey> from)
    {
        int chunk, index;
        if (from.HasValue)
        {
            // The first entry above the bound, minus one, is the highest entry within it.
            (chunk, index) = Seek(from.Key, !from.Inclusive);
            index--;
        }
        else
        {
            chunk = _chunks.Count - 1;
            index = chunk >= 0 ? _chunks[chunk].Count - 1 : -1;
        }

        while (chunk >= 0)
        {
            if (chunk >= _chunks.Count)
            {
                chunk = _chunks.Count - 1;
                index = chunk >= 0 ? _chunks[chunk].Count - 1 : -1;
                continue;
            }

            if (index < 0)
            {
                chunk--;
                index = chunk >= 0 ? _chunks[chunk].Count - 1 : -1;
                continue;
            }

            var c = _chunks[chunk];
            for (; index >= 0; index--)
            {
                yield return new(c.Keys[index], c.Values[index]);
            }
        }
    }

    /// <summary>
    /// The number of entries from <paramref name="lower"/> to <paramref name="upper"/> (both inclusive), counted from
    /// the chunks' sizes, not entry by entry: two binary searches plus one addition per chunk in between. Stops once
    /// the count exceeds <paramref name="limit"/> and then returns a value above it (the planner only needs to know
    /// that a range is larger than the best one found so far).
    /// </summary>
    public long CountBetween(TKey lower, TKey upper, long limit)
    {
        var (firstChunk, firstIndex) = Seek(lower, inclusive: true);
        var (endChunk, endIndex) = Seek(upper, inclusive: false);
        if (firstChunk > endChunk || (firstChunk == endChunk && firstIndex >= endIndex))
        {
            return 0;
        }

        long count = -firstIndex;
        for (var chunk = firstChunk; chunk < endChunk && chunk < _chunks.Count; chunk++)
        {
            count += _chunks[chunk].Count;
            if (count > limit)
            {
                return count;
            }
        }

        return count + endIndex;
    }

    /// <summary>Position of the first entry at or after the key (inclusive) or strictly after it.</summary>
    private (int Chunk, int Index) Seek(TKey key, bool inclusive)
    {
        var chunk = FirstChunkEndingAtOrAfter(key);
        if (chunk < 0)
        {
            return (_chunks.Count, 0);
        }

        var c = _chunks[chunk];
        var index = Array.BinarySearch(c.Keys, 0, c.Count, key, _comparer);
        if (index < 0)
        {
            return (chunk, ~index);
        }

        return inclusive ? (chunk, index) : (chunk, index + 1);
    }

    /// <summary>The chunk that holds or would hold the key (-1 when it is past every chunk) and the binary search result in it.</summary>
    private (int Chunk, int Index) Locate(TKey key)
    {
        var chunk = FirstChunkEndingAtOrAfter(key);
        if (chunk < 0)
        {
            return (-1, _chunks.Count == 0 ? -1 : ~_chunks[^1].Count);
        }

        var c = _chunks[chunk];
        return (chunk, Array.BinarySearch(c.Keys, 0, c.Count, key, _comparer));
    }

    private int FirstChunkEndingAtOrAfter(TKey key)
    {
        int lo = 0, hi = _chunks.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = _chunks[mid];
            if (c.Count > 0 && _comparer.Compare(c.Keys[c.Count - 1], key) >= 0)
            {
                found = mid;
                hi = mid - 1;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return found;
    }

    private sealed class Chunk
    {
        public TKey[] Keys = new TKey[ChunkCapacity];
        public TValue[] Values = new TValue[ChunkCapacity];
        public int Count;

        public void Insert(int at, TKey key, TValue value)
        {
            Array.Copy(Keys, at, Keys, at + 1, Count - at);
            Array.Copy(Values, at, Values, at + 1, Count - at);
            Keys[at] = key;
            Values[at] = value;
            Count++;
        }

        public void RemoveAt(int at)
        {
            Count--;
            Array.Copy(Keys, at + 1, Keys, at, Count - at);
            Array.Copy(Values, at + 1, Values, at, Count - at);
            Keys[Count] = default!;
            Values[Count] = default!;
        }

        public Chunk SplitHalf()
        {
            var right = new Chunk();
            var half = Count / 2;
            right.Count = Count - half;
            Array.Copy(Keys, half, right.Keys, 0, right.Count);
            Array.Copy(Values, half, right.Values, 0, right.Count);
            Array.Clear(Keys, half, right.Count);
            Array.Clear(Values, half, right.Count);
            Count = half;
            return right;
        }
    }
}

/// <summary>One end of a key range; no value means unbounded.</summary>
internal readonly record struct Bound<TKey>(bool HasValue, TKey Key, bool Inclusive)
{
    public static Bound<TKey> None => new(false, default!, false);

    public static Bound<TKey> At(TKey key, bool inclusive) => new(true, key, inclusive);
}
