using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>A compiled node of a filter. <c>position</c> receives the index of the matched element of the first array on a path.</summary>
internal abstract class DocumentMatcher
{
    public abstract bool Matches(BsonDocument document, ref int position);
}

internal sealed class MatchAll : DocumentMatcher
{
    public static readonly MatchAll Instance = new();

    public override bool Matches(BsonDocument document, ref int position) => true;
}

internal sealed class AndMatcher(DocumentMatcher[] children) : DocumentMatcher
{
    public DocumentMatcher[] Children { get; } = children;

    public override bool Matches(BsonDocument document, ref int position)
    {
        foreach (var child in Children)
        {
            if (!child.Matches(document, ref position))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed class OrMatcher(DocumentMatcher[] children) : DocumentMatcher
{
    public override bool Matches(BsonDocument document, ref int position)
    {
        foreach (var child in children)
        {
            if (child.Matches(document, ref position))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class NotMatcher(DocumentMatcher inner) : DocumentMatcher
{
    public override bool Matches(BsonDocument document, ref int position)
    {
        var ignored = -1;
        return !inner.Matches(document, ref ignored);
    }
}
