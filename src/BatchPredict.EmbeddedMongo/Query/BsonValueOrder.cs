using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>
/// MongoDB's comparison and sort order across BSON types: values of different type brackets compare by bracket
/// (MinKey &lt; Null &lt; Numbers &lt; Strings &lt; Object &lt; Array &lt; BinData &lt; ObjectId &lt; Boolean &lt; Date &lt;
/// Timestamp &lt; RegEx &lt; MaxKey); numbers of any width compare by value, so 1 == 1L == 1.0 == 1m.
/// </summary>
public static class BsonValueOrder
{
    public static IComparer<BsonValue> Comparer { get; } = new OrderComparer();

    public static IEqualityComparer<BsonValue> EqualityComparer { get; } = new ValueEqualityComparer();

    /// <summary>The type bracket MongoDB sorts by before comparing values (its canonical type number).</summary>
    public static int TypeRank(BsonType type) => type switch
    {
        BsonType.MinKey => -1,
        BsonType.Undefined => 0,
        BsonType.Null => 5,
        BsonType.Int32 or BsonType.Int64 or BsonType.Double or BsonType.Decimal128 => 10,
        BsonType.String or BsonType.Symbol => 15,
        BsonType.Document => 20,
        BsonType.Array => 25,
        BsonType.Binary => 30,
        BsonType.ObjectId => 35,
        BsonType.Boolean => 40,
        BsonType.DateTime => 45,
        BsonType.Timestamp => 47,
        BsonType.RegularExpression => 50,
        BsonType.JavaScript => 60,
        BsonType.JavaScriptWithScope => 65,
        BsonType.MaxKey => 127,
        _ => 126,
    };

    public static bool IsNumber(BsonValue value) => value.BsonType is BsonType.Int32 or BsonType.Int64 or BsonType.Double or BsonType.Decimal128;

    public static int Compare(BsonValue x, BsonValue y)
    {
        var rx = TypeRank(x.BsonType);
        var ry = TypeRank(y.BsonType);
        if (rx != ry)
        {
            return rx < ry ? -1 : 1;
        }

        switch (rx)
        {
            case -1 or 0 or 5 or 127:
                return 0;
            case 10:
                return NumericOrder.Compare(x, y);
            case 15:
                return Sign(string.CompareOrdinal(StringOf(x), StringOf(y)));
            case 20:
                return CompareDocuments(x.AsBsonDocument, y.AsBsonDocument);
            case 25:
                return CompareArrays(x.AsBsonArray, y.AsBsonArray);
            case 30:
                return CompareBinary(x.AsBsonBinaryData, y.AsBsonBinaryData);
            case 35:
                return Sign(x.AsObjectId.CompareTo(y.AsObjectId));
            case 40:
                return x.AsBoolean.CompareTo(y.AsBoolean);
            case 45:
                return x.AsBsonDateTime.MillisecondsSinceEpoch.CompareTo(y.AsBsonDateTime.MillisecondsSinceEpoch);
            case 47:
                return ((ulong)x.AsBsonTimestamp.Value).CompareTo((ulong)y.AsBsonTimestamp.Value);
            case 50:
                var a = x.AsBsonRegularExpression;
                var b = y.AsBsonRegularExpression;
                var byPattern = string.CompareOrdinal(a.Pattern, b.Pattern);
                return Sign(byPattern != 0 ? byPattern : string.CompareOrdinal(a.Options, b.Options));
            case 60:
                return Sign(string.CompareOrdinal(x.AsBsonJavaScript.Code, y.AsBsonJavaScript.Code));
            default:
                return Sign(x.CompareTo(y));
        }
    }

    /// <summary>Equality as the query language sees it: same bracket and equal value.</summary>
    public static bool AreEqual(BsonValue x, BsonValue y) => Compare(x, y) == 0;

    internal static string StringOf(BsonValue value) => value.BsonType == BsonType.Symbol ? value.AsBsonSymbol.Name : value.AsString;

    private static int Sign(int value) => value < 0 ? -1 : value > 0 ? 1 : 0;

    // Documents compare element by element: type bracket, then field name, then value; a prefix sorts first.
    private static int CompareDocuments(BsonDocument x, BsonDocument y)
    {
        var n = Math.Min(x.ElementCount, y.ElementCount);
        for (var i = 0; i < n; i++)
        {
            var ex = x.GetElement(i);
            var ey = y.GetElement(i);
            var byType = TypeRank(ex.Value.BsonType).CompareTo(TypeRank(ey.Value.BsonType));
            if (byType != 0)
            {
                return Sign(byType);
            }

            var byName = string.CompareOrdinal(ex.Name, ey.Name);
            if (byName != 0)
            {
                return Sign(byName);
            }

            var byValue = Compare(ex.Value, ey.Value);
            if (byValue != 0)
            {
                return byValue;
            }
        }

        return x.ElementCount.CompareTo(y.ElementCount);
    }

    private static int CompareArrays(BsonArray x, BsonArray y)
    {
        var n = Math.Min(x.Count, y.Count);
        for (var i = 0; i < n; i++)
        {
            var c = Compare(x[i], y[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return x.Count.CompareTo(y.Count);
    }

    // BinData orders by length, then subtype, then bytes.
    private static int CompareBinary(BsonBinaryData x, BsonBinaryData y)
    {
        var byLength = x.Bytes.Length.CompareTo(y.Bytes.Length);
        if (byLength != 0)
        {
            return byLength;
        }

        var bySubType = ((int)x.SubType).CompareTo((int)y.SubType);
        return bySubType != 0 ? bySubType : Sign(x.Bytes.AsSpan().SequenceCompareTo(y.Bytes));
    }

    private sealed class OrderComparer : IComparer<BsonValue>
    {
        public int Compare(BsonValue? x, BsonValue? y) =>
            x is null ? (y is null ? 0 : -1) : y is null ? 1 : BsonValueOrder.Compare(x, y);
    }

    private sealed class ValueEqualityComparer : IEqualityComparer<BsonValue>
    {
        public bool Equals(BsonValue? x, BsonValue? y) =>
            x is null ? y is null : y is not null && Compare(x, y) == 0;

        public int GetHashCode(BsonValue obj) => Hash(obj);

        private static int Hash(BsonValue value)
        {
            switch (TypeRank(value.BsonType))
            {
                case 10:
                    return NumericOrder.Hash(value);
                case 15:
                    return StringOf(value).GetHashCode(StringComparison.Ordinal);
                case 20:
                    var doc = value.AsBsonDocument;
                    var hd = new HashCode();
                    for (var i = 0; i < doc.ElementCount; i++)
                    {
                        var e = doc.GetElement(i);
                        hd.Add(e.Name.GetHashCode(StringComparison.Ordinal));
                        hd.Add(Hash(e.Value));
                    }

                    return hd.ToHashCode();
                case 25:
                    var array = value.AsBsonArray;
                    var ha = new HashCode();
                    for (var i = 0; i < array.Count; i++)
                    {
                        ha.Add(Hash(array[i]));
                    }

                    return ha.ToHashCode();
                case -1 or 0 or 5 or 127:
                    return TypeRank(value.BsonType);
                default:
                    return value.GetHashCode();
            }
        }
    }
}
