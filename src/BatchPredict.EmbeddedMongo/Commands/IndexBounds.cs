using BatchPredict.EmbeddedMongo.Query;
using BatchPredict.EmbeddedMongo.Storage;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>What an index can do for a filter's top-level conditions and a sort: its key ranges and its order.</summary>
internal static class IndexBounds
{
    private const int MaxRanges = 1000;

    /// <summary>One condition per path: equality/$in wins; otherwise the lower and upper bounds are combined.</summary>
    public static Dictionary<string, PathCondition> Merge(IReadOnlyList<PathCondition> conditions)
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

    /// <summary>How many leading index fields the conditions bound (equality counts more); 0 = the index cannot serve them.</summary>
    public static int Score(CollectionIndex index, Dictionary<string, PathCondition> conditions)
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

    /// <summary>The key ranges of the index that hold every candidate (one per combination of $in values).</summary>
    public static List<(IndexKey Lower, IndexKey Upper)> Ranges(CollectionIndex index, Dictionary<string, PathCondition> conditions, out int equalityPrefix)
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
    public static int SortDirection(CollectionIndex index, SortSpec? sort, int equalityPrefix)
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
