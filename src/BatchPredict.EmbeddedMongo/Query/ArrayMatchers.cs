using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>$size: the value is an array of exactly that many elements.</summary>
internal sealed class SizeMatcher(int size) : ValueMatcher
{
    public override bool ExpandArrays => false;

    public override bool Matches(BsonValue? value, ref int position) => value is BsonArray array && array.Count == size;
}

/// <summary>$mod: numbers whose truncated value divided by the divisor leaves the remainder.</summary>
internal sealed class ModMatcher(long divisor, long remainder) : ValueMatcher
{
    public override bool Matches(BsonValue? value, ref int position)
    {
        if (value is null || !BsonValueOrder.IsNumber(value))
        {
            return false;
        }

        var d = NumericOrder.ToDouble(value);
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            return false;
        }

        var n = value.BsonType == BsonType.Int64 ? value.AsInt64 : (long)Math.Truncate(d);
        return n % divisor == remainder;
    }
}

/// <summary>
/// $elemMatch: some element of the array satisfies every condition; for a query document the element must be a
/// document matching it, for operator conditions the element itself is tested.
/// </summary>
internal sealed class ElemMatchMatcher : ValueMatcher
{
    private readonly DocumentMatcher? _query;
    private readonly ValueMatcher[]? _conditions;

    public ElemMatchMatcher(DocumentMatcher query) => _query = query;

    public ElemMatchMatcher(ValueMatcher[] conditions) => _conditions = conditions;

    public override bool ExpandArrays => false;

    public override bool Matches(BsonValue? value, ref int position)
    {
        if (value is not BsonArray array)
        {
            return false;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (ElementMatches(array[i]))
            {
                position = i;
                return true;
            }
        }

        return false;
    }

    private bool ElementMatches(BsonValue element)
    {
        var ignored = -1;
        if (_query is not null)
        {
            return element is BsonDocument document && _query.Matches(document, ref ignored);
        }

        foreach (var condition in _conditions!)
        {
            if (!ValueMatcher.MatchesExpanded(condition, element))
            {
                return false;
            }
        }

        return true;
    }
}
