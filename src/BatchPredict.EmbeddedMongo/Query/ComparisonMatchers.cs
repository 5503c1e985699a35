using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>Equality: same type bracket and equal value; null also matches a missing field and undefined.</summary>
internal sealed class EqualsMatcher(BsonValue operand) : ValueMatcher
{
    private readonly bool _isNull = operand.BsonType == BsonType.Null;
    private readonly int _rank = BsonValueOrder.TypeRank(operand.BsonType);

    public BsonValue Operand { get; } = operand;

    public override bool Matches(BsonValue? value, ref int position)
    {
        if (value is null)
        {
            return _isNull;
        }

        if (_isNull)
        {
            return value.BsonType is BsonType.Null or BsonType.Undefined;
        }

        return BsonValueOrder.TypeRank(value.BsonType) == _rank && BsonValueOrder.Compare(value, Operand) == 0;
    }
}

internal enum ComparisonKind
{
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
}

/// <summary>
/// $gt/$gte/$lt/$lte with MongoDB's type bracketing: only values of the operand's bracket compare, except that MinKey
/// and MaxKey operands compare with everything; NaN only equals NaN.
/// </summary>
internal sealed class RangeMatcher(ComparisonKind kind, BsonValue operand) : ValueMatcher
{
    private readonly int _rank = BsonValueOrder.TypeRank(operand.BsonType);
    private readonly bool _anyType = operand.BsonType is BsonType.MinKey or BsonType.MaxKey;
    private readonly bool _operandIsNaN = IsNaN(operand);

    public ComparisonKind Kind { get; } = kind;

    public BsonValue Operand { get; } = operand;

    public bool Inclusive => Kind is ComparisonKind.GreaterOrEqual or ComparisonKind.LessOrEqual;

    public override bool Matches(BsonValue? value, ref int position)
    {
        if (value is null)
        {
            return Inclusive && Operand.BsonType == BsonType.Null;
        }

        if (!_anyType && BsonValueOrder.TypeRank(value.BsonType) != _rank)
        {
            return Inclusive && Operand.BsonType == BsonType.Null && value.BsonType == BsonType.Undefined;
        }

        if (_operandIsNaN || (_rank == 10 && IsNaN(value)))
        {
            return Inclusive && _operandIsNaN && IsNaN(value);
        }

        var c = BsonValueOrder.Compare(value, Operand);
        return Kind switch
        {
            ComparisonKind.GreaterThan => c > 0,
            ComparisonKind.GreaterOrEqual => c >= 0,
            ComparisonKind.LessThan => c < 0,
            _ => c <= 0,
        };
    }

    private static bool IsNaN(BsonValue v) => v.BsonType switch
    {
        BsonType.Double => double.IsNaN(v.AsDouble),
        BsonType.Decimal128 => Decimal128.IsNaN(v.AsDecimal128),
        _ => false,
    };
}

/// <summary>$in: equality with any listed value; regular expressions in the list match strings.</summary>
internal sealed class InMatcher : ValueMatcher
{
    // Above this many plain values a hash set beats a linear scan.
    private const int HashThreshold = 8;
    private readonly ValueMatcher[] _matchers;
    private readonly HashSet<BsonValue>? _set;
    private readonly bool _hasNull;

    public InMatcher(BsonArray values)
    {
        Values = values;
        var matchers = new List<ValueMatcher>();
        var plain = new List<BsonValue>();
        foreach (var v in values)
        {
            if (v.BsonType == BsonType.RegularExpression)
            {
                matchers.Add(new RegexMatcher(v.AsBsonRegularExpression));
            }
            else if (v is BsonDocument d && d.ElementCount > 0 && d.GetElement(0).Name.StartsWith('$'))
            {
                throw MongoCommandError.BadValue("cannot nest $ under $in");
            }
            else
            {
                _hasNull |= v.BsonType == BsonType.Null;
                plain.Add(v);
            }
        }

        if (plain.Count > HashThreshold)
        {
            _set = new HashSet<BsonValue>(plain, BsonValueOrder.EqualityComparer);
        }
        else
        {
            matchers.AddRange(plain.Select(p => new EqualsMatcher(p)));
        }

        _matchers = [.. matchers];
    }

    public BsonArray Values { get; }

    public override bool Matches(BsonValue? value, ref int position)
    {
        if (value is null)
        {
            return _hasNull;
        }

        if (_set is not null && (_set.Contains(value) || (_hasNull && value.BsonType == BsonType.Undefined)))
        {
            return true;
        }

        foreach (var m in _matchers)
        {
            if (m.Matches(value, ref position))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class ExistsMatcher : ValueMatcher
{
    public static readonly ExistsMatcher Instance = new();

    public override bool ExpandArrays => false;

    public override bool Matches(BsonValue? value, ref int position) => value is not null;
}
