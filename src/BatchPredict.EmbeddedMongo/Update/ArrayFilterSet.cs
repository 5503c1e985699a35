using System.Text.RegularExpressions;
using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Update;

/// <summary>The compiled arrayFilters of an update, keyed by identifier (the <c>x</c> of <c>$[x]</c>).</summary>
internal sealed partial class ArrayFilterSet
{
    private readonly Dictionary<string, Filter> _filters = new(StringComparer.Ordinal);

    public ArrayFilterSet(BsonArray? arrayFilters)
    {
        foreach (var entry in arrayFilters ?? [])
        {
            if (entry is not BsonDocument filter || filter.ElementCount == 0)
            {
                throw MongoCommandError.FailedToParse("Cannot use an expression without a top-level field name in arrayFilters");
            }

            var identifier = IdentifierOf(filter);
            if (!_filters.TryAdd(identifier, Filter.Compile(filter)))
            {
                throw MongoCommandError.FailedToParse($"Found multiple array filters with the same top-level field name {identifier}");
            }
        }
    }

    public IEnumerable<string> Identifiers => _filters.Keys;

    public bool Contains(string identifier) => _filters.ContainsKey(identifier);

    /// <summary>Whether an array element satisfies the filter of <paramref name="identifier"/>.</summary>
    public bool Matches(string identifier, BsonValue element) => _filters[identifier].Matches(new BsonDocument(identifier, element));

    private static string IdentifierOf(BsonDocument filter)
    {
        string? identifier = null;
        foreach (var element in filter)
        {
            var name = element.Name.Split('.')[0];
            if (identifier is not null && identifier != name)
            {
                throw MongoCommandError.FailedToParse($"Error parsing array filter :: caused by :: Expected a single top-level field name, found '{identifier}' and '{name}'");
            }

            identifier = name;
        }

        return IdentifierPattern().IsMatch(identifier!)
            ? identifier!
            : throw MongoCommandError.BadValue($"Error parsing array filter :: caused by :: The top-level field name must be an alphanumeric string beginning with a lowercase letter, found '{identifier}'");
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex IdentifierPattern();
}
