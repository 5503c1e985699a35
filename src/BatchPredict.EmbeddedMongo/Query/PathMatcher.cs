using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>
/// Walks a dotted path the way MongoDB does: through embedded documents, into arrays by numeric index, and across the
/// documents of an array for a non-numeric part; the condition holds if any reached value satisfies it.
/// </summary>
internal sealed class PathMatcher(FieldPath path, ValueMatcher leaf) : DocumentMatcher
{
    public FieldPath Path { get; } = path;

    public ValueMatcher Leaf { get; } = leaf;

    public override bool Matches(BsonDocument document, ref int position) => Walk(document, 0, ref position);

    private bool Walk(BsonDocument document, int part, ref int position)
    {
        if (!document.TryGetValue(Path.Parts[part], out var value))
        {
            return Leaf.Matches(null, ref position);
        }

        return part + 1 == Path.Length ? MatchLeaf(value, ref position) : Descend(value, part + 1, ref position);
    }

    private bool Descend(BsonValue value, int part, ref int position)
    {
        switch (value.BsonType)
        {
            case BsonType.Document:
                return Walk(value.AsBsonDocument, part, ref position);
            case BsonType.Array:
                return DescendArray(value.AsBsonArray, part, ref position);
            default:
                return Leaf.Matches(null, ref position);
        }
    }

    private bool DescendArray(BsonArray array, int part, ref int position)
    {
        var index = Path.Indexes[part];
        if (index >= 0 && index < array.Count)
        {
            var element = array[index];
            if (part + 1 == Path.Length ? MatchLeaf(element, ref position) : Descend(element, part + 1, ref position))
            {
                return true;
            }
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is BsonDocument element && Walk(element, part, ref position))
            {
                position = i;
                return true;
            }
        }

        // An index past the end is a missing field, which equality with null (and $exists: false) accept.
        return index >= array.Count && Leaf.Matches(null, ref position);
    }

    private bool MatchLeaf(BsonValue value, ref int position)
    {
        if (value is BsonArray array && Leaf.ExpandArrays)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var ignored = -1;
                if (Leaf.Matches(array[i], ref ignored))
                {
                    position = i;
                    return true;
                }
            }
        }

        return Leaf.Matches(value, ref position);
    }
}
