using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>A query filter compiled once into a tree of matchers; matching a document allocates nothing.</summary>
public sealed class Filter
{
    private readonly DocumentMatcher _root;

    private Filter(DocumentMatcher root, IReadOnlyList<PathCondition> indexable)
    {
        _root = root;
        IndexableConditions = indexable;
    }

    /// <summary>Simple top-level conditions for index selection; the caller still checks <see cref="Matches(BsonDocument)"/>.</summary>
    public IReadOnlyList<PathCondition> IndexableConditions { get; }

    /// <summary>Compiles a filter; malformed or unknown operators raise BadValue as MongoDB does.</summary>
    public static Filter Compile(BsonDocument filter, FilterContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var root = new FilterParser(context).ParseDocument(filter);
        return new Filter(root, IndexableConditionExtractor.Extract(root));
    }

    public bool Matches(BsonDocument document)
    {
        var position = -1;
        return _root.Matches(document, ref position);
    }

    /// <summary>Matches and reports the index of the matched element in the first array of a path (for the positional $ update).</summary>
    public bool Matches(BsonDocument document, out int? positionalIndex)
    {
        var position = -1;
        var matched = _root.Matches(document, ref position);
        positionalIndex = matched && position >= 0 ? position : null;
        return matched;
    }
}
