using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>
/// A compiled sort: keys compare in <see cref="BsonValueOrder"/>; an array field sorts by its smallest element
/// ascending and its largest descending; a missing field sorts as null and an empty array just below null.
/// </summary>
public sealed class SortSpec
{
    private readonly FieldPath[] _paths;
    private readonly int[] _directions;

    private SortSpec(FieldPath[] paths, int[] directions)
    {
        _paths = paths;
        _directions = directions;
        Keys = [.. paths.Select((p, i) => (p.Dotted, directions[i]))];
        Comparer = Comparer<BsonDocument>.Create(CompareDocuments);
    }

    public IReadOnlyList<(string Path, int Direction)> Keys { get; }

    public IComparer<BsonDocument> Comparer { get; }

    public static SortSpec Compile(BsonDocument sort)
    {
        ArgumentNullException.ThrowIfNull(sort);
        var paths = new FieldPath[sort.ElementCount];
        var directions = new int[sort.ElementCount];
        for (var i = 0; i < sort.ElementCount; i++)
        {
            var element = sort.GetElement(i);
            paths[i] = new FieldPath(element.Name);
            directions[i] = ParseDirection(element.Value);
        }

        return new SortSpec(paths, directions);
    }

    /// <summary>The sort key of a document, one value per key; compute once per document for large sorts.</summary>
    public BsonValue[] KeysOf(BsonDocument document)
    {
        var keys = new BsonValue[_paths.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = KeyOf(document, i);
        }

        return keys;
    }

    public int CompareKeys(BsonValue[] x, BsonValue[] y)
    {
        for (var i = 0; i < _directions.Length; i++)
        {
            var c = BsonValueOrder.Compare(x[i], y[i]);
            if (c != 0)
            {
                return c * _directions[i];
            }
        }

        return 0;
    }

    private int CompareDocuments(BsonDocument? x, BsonDocument? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        for (var i = 0; i < _directions.Length; i++)
        {
            var c = BsonValueOrder.Compare(KeyOf(x, i), KeyOf(y, i));
            if (c != 0)
            {
                return c * _directions[i];
            }
        }

        return 0;
    }

    private static int ParseDirection(BsonValue value)
    {
        if (value is BsonDocument meta && meta.Contains("$meta"))
        {
            throw MongoCommandError.NotSupported($"sort by {{$meta: {meta["$meta"]}}}");
        }

        if (BsonValueOrder.IsNumber(value))
        {
            var d = NumericOrder.ToDouble(value);
            if (d == 1 || d == -1)
            {
                return (int)d;
            }
        }

        throw MongoCommandError.BadValue("$sort key ordering must be 1 (for ascending) or -1 (for descending)");
    }

    private BsonValue KeyOf(BsonDocument document, int key)
    {
        // Fast path for the common case: a top-level field holding a scalar.
        var path = _paths[key];
        if (path.Length == 1)
        {
            if (!document.TryGetValue(path.Parts[0], out var value))
            {
                return BsonNull.Value;
            }

            if (value.BsonType != BsonType.Array)
            {
                return value;
            }
        }

        var walker = new SortKeyWalker(_paths[key], _directions[key]);
        walker.Walk(document, 0);
        return walker.Best ?? BsonNull.Value;
    }

    /// <summary>Visits every value a path reaches and keeps the smallest (ascending) or largest (descending).</summary>
    private struct SortKeyWalker(FieldPath path, int direction)
    {
        public BsonValue? Best { get; private set; }

        public void Walk(BsonDocument document, int part)
        {
            if (!document.TryGetValue(path.Parts[part], out var value))
            {
                Consider(BsonNull.Value);
            }
            else if (part + 1 == path.Length)
            {
                Leaf(value);
            }
            else
            {
                Descend(value, part + 1);
            }
        }

        private void Descend(BsonValue value, int part)
        {
            if (value is BsonDocument document)
            {
                Walk(document, part);
            }
            else if (value is BsonArray array)
            {
                var index = path.Indexes[part];
                if (index >= 0)
                {
                    if (index < array.Count)
                    {
                        if (part + 1 == path.Length)
                        {
                            Leaf(array[index]);
                        }
                        else
                        {
                            Descend(array[index], part + 1);
                        }
                    }
                    else
                    {
                        Consider(BsonNull.Value);
                    }

                    return;
                }

                foreach (var element in array)
                {
                    if (element is BsonDocument d)
                    {
                        Walk(d, part);
                    }
                }

                if (array.Count == 0)
                {
                    Consider(BsonNull.Value);
                }
            }
            else
            {
                Consider(BsonNull.Value);
            }
        }

        private void Leaf(BsonValue value)
        {
            if (value is not BsonArray array)
            {
                Consider(value);
            }
            else if (array.Count == 0)
            {
                Consider(BsonUndefined.Value);
            }
            else
            {
                foreach (var element in array)
                {
                    Consider(element);
                }
            }
        }

        private void Consider(BsonValue value)
        {
            if (Best is null || BsonValueOrder.Compare(value, Best) * direction < 0)
            {
                Best = value;
            }
        }
    }
}
