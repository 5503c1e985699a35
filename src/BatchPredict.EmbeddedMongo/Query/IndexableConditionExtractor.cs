using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>Collects the top-level AND-ed equality, $in and range conditions an index can serve.</summary>
internal static class IndexableConditionExtractor
{
    public static IReadOnlyList<PathCondition> Extract(DocumentMatcher root)
    {
        var conditions = new List<PathCondition>();
        Collect(root, conditions);
        return MergeIdRanges(conditions);
    }

    private static void Collect(DocumentMatcher matcher, List<PathCondition> into)
    {
        switch (matcher)
        {
            case AndMatcher and:
                foreach (var child in and.Children)
                {
                    Collect(child, into);
                }

                break;
            case PathMatcher path:
                var condition = FromLeaf(path.Path.Dotted, path.Leaf);
                if (condition is not null)
                {
                    into.Add(condition);
                }

                break;
        }
    }

    private static PathCondition? FromLeaf(string path, ValueMatcher leaf) => leaf switch
    {
        EqualsMatcher eq when IsKeyable(eq.Operand) => new PathCondition(path, [eq.Operand], null, false, null, false),
        InMatcher inm when inm.Values.Count > 0 && inm.Values.All(IsKeyable) => new PathCondition(path, [.. inm.Values], null, false, null, false),
        RangeMatcher { Kind: ComparisonKind.GreaterThan or ComparisonKind.GreaterOrEqual } r when IsKeyable(r.Operand) && !IsNaN(r.Operand)
            => new PathCondition(path, null, r.Operand, r.Inclusive, null, false),
        RangeMatcher r when IsKeyable(r.Operand) && !IsNaN(r.Operand) => new PathCondition(path, null, null, false, r.Operand, r.Inclusive),
        _ => null,
    };

    // Null matches missing fields, arrays match as a whole or by element, regexes match strings: none is one key.
    private static bool IsKeyable(BsonValue value) => value.BsonType is not (BsonType.Null or BsonType.Undefined or BsonType.Array
        or BsonType.RegularExpression or BsonType.MinKey or BsonType.MaxKey);

    private static bool IsNaN(BsonValue value) =>
        (value.BsonType == BsonType.Double && double.IsNaN(value.AsDouble)) || (value.BsonType == BsonType.Decimal128 && Decimal128.IsNaN(value.AsDecimal128));

    private static List<PathCondition> MergeIdRanges(List<PathCondition> conditions)
    {
        var lower = conditions.FirstOrDefault(c => c.Path == "_id" && c.Lower is not null);
        var upper = conditions.FirstOrDefault(c => c.Path == "_id" && c.Upper is not null);
        if (lower is null || upper is null)
        {
            return conditions;
        }

        conditions.Remove(lower);
        conditions.Remove(upper);
        conditions.Add(new PathCondition("_id", null, lower.Lower, lower.LowerInclusive, upper.Upper, upper.UpperInclusive));
        return conditions;
    }
}
