using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>A condition on one value reached by a path; <c>null</c> stands for a missing field.</summary>
internal abstract class ValueMatcher
{
    /// <summary>When true the path walker also tries each element of an array (MongoDB's implicit array matching).</summary>
    public virtual bool ExpandArrays => true;

    /// <summary>Tests one value. <paramref name="position"/> receives an element index for matchers that pick one ($elemMatch).</summary>
    public abstract bool Matches(BsonValue? value, ref int position);

    /// <summary>Tests a value, and when the matcher expands arrays, each of its elements first.</summary>
    public static bool MatchesExpanded(ValueMatcher matcher, BsonValue? value)
    {
        var ignored = -1;
        if (value is BsonArray array && matcher.ExpandArrays)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (matcher.Matches(array[i], ref ignored))
                {
                    return true;
                }
            }
        }

        return matcher.Matches(value, ref ignored);
    }
}

/// <summary>Every condition holds for the same value (the operator list of an $elemMatch or a $not inside it).</summary>
internal sealed class AndValueMatcher(ValueMatcher[] conditions) : ValueMatcher
{
    public override bool ExpandArrays => false;

    public override bool Matches(BsonValue? value, ref int position)
    {
        foreach (var condition in conditions)
        {
            if (!MatchesExpanded(condition, value))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A negated value condition ($ne, $nin, $not, $exists: false) where no path walker can do the negation.</summary>
internal sealed class NotValueMatcher(ValueMatcher inner) : ValueMatcher
{
    public override bool ExpandArrays => false;

    public override bool Matches(BsonValue? value, ref int position) => !MatchesExpanded(inner, value);
}

/// <summary>Matches nothing ($all with an empty list).</summary>
internal sealed class NeverMatcher : ValueMatcher
{
    public static readonly NeverMatcher Instance = new();

    public override bool Matches(BsonValue? value, ref int position) => false;
}
