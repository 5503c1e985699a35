using BatchPredict.EmbeddedMongo.Query;
using BatchPredict.EmbeddedMongo.Storage;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>
/// Chooses how to find a query's candidates: the index that best serves the filter's top-level equality/$in/range
/// conditions (so GridFS files_id+n and _id-range reads touch only their keys), else a scan in natural order.
/// Only indexes holding every document (not sparse, not partial) are used. The filter is still applied to each
/// candidate, so an index only narrows. When the chosen index already yields the requested sort order, no sort is needed.
/// </summary>
internal static class QueryPlanner
{
    private const int MaxRanges = 1000;

    public static RecordSource Plan(CollectionStore store, Filter filter, SortSpec? sort, out bool sorted)
    {
        var conditions = Merge(filter.IndexableConditions);
        CollectionIndex? best = null;
        var bestScore = 0;
        foreach (var index in store.Indexes.Where(i => i.Complete))
        {
            var score = Score(index, conditions);
            if (score > bestScore)
            {
                (best, bestScore) = (index, score);
            }
        }

        if (best is not null)
        {
            var ranges = Ranges(best, conditions, out var equalityPrefix);
            var direction = ranges.Count == 1 ? SortDirection(best, sort, equalityPrefix) : 0;
            sorted = sort is null || direction != 0;
            return new IndexRangeSource(best, ranges, direction < 0);
        }

        if (sort is not null)
        {
            foreach (var index in store.Indexes.Where(i => i.Complete))
            {
                var direction = SortDirection(index, sort, 0);
                if (direction != 0)
                {
                    sorted = true;
                    return new IndexRangeSource(index, Ranges(index, [], out _), direction < 0);
                }
            }
        }

        sorted = sort is null;
        return new NaturalSource(store, descending: false);
    }

    /// <summary>One condition per path: equality/$in wins; otherwise the lower and upper bounds are combined.</summary>
    private static Dictionary<string, PathCondition> Merge(IReadOnlyList<PathCondition> conditions)
    {
        var merged = new Dictionary<string, PathCondition>(StringComparer.Ordinal);
        foreach (var c in conditions)
        {
            if (!merged.TryGetValue(c.Path, out var existing) || c.Values is not null)
            {
                merged[c.Path] = existing?.Values is not null ? existing : c;
            }
            else if (existing.Values is null)
            {
                merged[c.Path] = existing with
                {
                    Lower = existing.Lower ?? c.Lower,
                    LowerInclusive = existing.Lower is null ? c.LowerInclusive : existing.LowerInclusive,
                    Upper = existing.Upper ?? c.Upper,
                    UpperInclusive = existing.Upper is null ? c.UpperInclusive : existing.UpperInclusive,
                };
            }
        }

        return merged;
    }

    private static int Score(CollectionIndex index, Dictionary<string, PathCondition> conditions)
    {
        var score = 0;
        var allEqual = true;
        foreach (var field in index.Definition.Fields)
        {
            if (!conditions.TryGetValue(field, out var c))
            {
                allEqual = false;
                break;
            }

            if (c.Values is not null)
            {
                score += 3;
                continue;
            }

            score += 1;
            allEqual = false;
            break;
        }

        return score > 0 && allEqual && index.Definition.Unique ? score + 10 : score;
    }

    private static List<(IndexKey Lower, IndexKey Upper)> Ranges(CollectionIndex index, Dictionary<string, PathCondition> conditions, out int equalityPrefix)
    {
        var fields = index.Definition.Fields;
        var directions = index.Definition.Directions;
        var prefixes = new List<(List<BsonValue> Lower, List<BsonValue> Upper)> { ([], []) };
        equalityPrefix = 0;
        var f = 0;
        for (; f < fields.Length; f++)
        {
            if (!conditions.TryGetValue(fields[f], out var c))
            {
                break;
            }

            if (c.Values is { } values && prefixes.Count * values.Count <= MaxRanges)
            {
                prefixes = prefixes.SelectMany(p => values.Select(v => (Append(p.Lower, v), Append(p.Upper, v)))).ToList();
                if (values.Count == 1)
                {
                    equalityPrefix++;
                }

                continue;
            }

            if (c.Values is null)
            {
                var low = c.Lower ?? BsonMinKey.Value;
                // An array can meet each bound with a different element, so a multikey index is bounded on one side only.
                var high = c.Upper is not null && !(index.Multikey && c.Lower is not null) ? c.Upper : BsonMaxKey.Value;
                var (first, second) = directions[f] > 0 ? (low, high) : (high, low);
                prefixes = prefixes.Select(p => (Append(p.Lower, first), Append(p.Upper, second))).ToList();
                f++;
            }

            break;
        }

        for (; f < fields.Length; f++)
        {
            var (first, second) = directions[f] > 0 ? ((BsonValue)BsonMinKey.Value, (BsonValue)BsonMaxKey.Value) : (BsonMaxKey.Value, BsonMinKey.Value);
            prefixes = prefixes.Select(p => (Append(p.Lower, first), Append(p.Upper, second))).ToList();
        }

        var comparer = new IndexKeyComparer(directions, unique: true);
        return prefixes
            .Select(p => (new IndexKey([.. p.Lower], long.MinValue), new IndexKey([.. p.Upper], long.MaxValue)))
            .OrderBy(r => r.Item1, comparer)
            .DistinctBy(r => r.Item1, new KeyEquality(comparer))
            .ToList();
    }

    /// <summary>+1 / -1 when scanning the index forwards / backwards yields the sort order, 0 when it does not.</summary>
    private static int SortDirection(CollectionIndex index, SortSpec? sort, int equalityPrefix)
    {
        if (sort is null || sort.Keys.Count == 0 || index.Multikey)
        {
            return 0;
        }

        var fields = index.Definition.Fields;
        for (var offset = 0; offset <= equalityPrefix; offset++)
        {
            if (offset + sort.Keys.Count > fields.Length)
            {
                break;
            }

            var relative = 0;
            for (var i = 0; i < sort.Keys.Count; i++)
            {
                var (path, direction) = sort.Keys[i];
                var same = index.Definition.Directions[offset + i] == direction ? 1 : -1;
                if (path != fields[offset + i] || (relative != 0 && relative != same))
                {
                    relative = 0;
                    break;
                }

                relative = same;
            }

            if (relative != 0)
            {
                return relative;
            }
        }

        return 0;
    }

    private static List<BsonValue> Append(List<BsonValue> prefix, BsonValue value) => [.. prefix, value];

    private sealed class KeyEquality(IComparer<IndexKey> comparer) : IEqualityComparer<IndexKey>
    {
        public bool Equals(IndexKey x, IndexKey y) => comparer.Compare(x, y) == 0;

        public int GetHashCode(IndexKey obj) => 0;
    }
}
