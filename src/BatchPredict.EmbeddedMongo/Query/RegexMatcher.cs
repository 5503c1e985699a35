using System.Text.RegularExpressions;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>$regex: strings (and symbols) matching the pattern; an equal regular expression value also matches.</summary>
internal sealed class RegexMatcher : ValueMatcher
{
    private readonly Regex _regex;

    public RegexMatcher(BsonRegularExpression expression)
    {
        Expression = expression;
        _regex = Build(expression.Pattern, expression.Options);
    }

    public BsonRegularExpression Expression { get; }

    public static Regex Build(string pattern, string options)
    {
        var flags = RegexOptions.CultureInvariant;
        foreach (var o in options)
        {
            flags |= o switch
            {
                'i' => RegexOptions.IgnoreCase,
                'm' => RegexOptions.Multiline,
                's' => RegexOptions.Singleline,
                'x' => RegexOptions.IgnorePatternWhitespace,
                'u' => RegexOptions.None,
                _ => throw MongoCommandError.BadValue($"invalid flag in regex options: {o}"),
            };
        }

        try
        {
            return new Regex(pattern, flags);
        }
        catch (ArgumentException e)
        {
            throw MongoCommandError.BadValue($"Regular expression is invalid: {e.Message}");
        }
    }

    public override bool Matches(BsonValue? value, ref int position) => value?.BsonType switch
    {
        BsonType.String => _regex.IsMatch(value.AsString),
        BsonType.Symbol => _regex.IsMatch(value.AsBsonSymbol.Name),
        BsonType.RegularExpression => BsonValueOrder.AreEqual(value, Expression),
        _ => false,
    };
}
