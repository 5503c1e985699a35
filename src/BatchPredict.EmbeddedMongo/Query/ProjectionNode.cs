using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>One level of a projection tree: which fields are kept, dropped, descended into or sliced.</summary>
internal sealed class ProjectionNode
{
    public Dictionary<string, ProjectionNode> Children { get; } = new(StringComparer.Ordinal);

    /// <summary>The whole field is included (inclusion mode) or excluded (exclusion mode).</summary>
    public bool IsLeaf { get; set; }

    /// <summary>A <c>$slice</c> of an array field: (skip, limit) where a negative skip counts from the end.</summary>
    public (int Skip, int? Limit)? Slice { get; set; }

    /// <summary>An <c>$elemMatch</c>: only the first matching element of an array field is returned.</summary>
    public Filter? ElemMatch { get; set; }

    public ProjectionNode Child(string name, string fullPath)
    {
        if (IsLeaf || Slice is not null || ElemMatch is not null)
        {
            throw PathCollision(fullPath);
        }

        if (!Children.TryGetValue(name, out var child))
        {
            child = new ProjectionNode();
            Children.Add(name, child);
        }

        return child;
    }

    public static MongoCommandError PathCollision(string path) =>
        new(31250, "Location31250", $"Path collision at {path}");

    public static BsonArray ApplySlice(BsonArray array, (int Skip, int? Limit) slice)
    {
        int start;
        int count;
        if (slice.Limit is null)
        {
            // Single-number form: n first elements, or the last |n|.
            start = slice.Skip >= 0 ? 0 : Math.Max(0, array.Count + slice.Skip);
            count = slice.Skip >= 0 ? Math.Min(slice.Skip, array.Count) : array.Count - start;
        }
        else
        {
            start = slice.Skip >= 0 ? Math.Min(slice.Skip, array.Count) : Math.Max(0, array.Count + slice.Skip);
            count = Math.Min(slice.Limit.Value, array.Count - start);
        }

        var result = new BsonArray(count);
        for (var i = start; i < start + count; i++)
        {
            result.Add(array[i]);
        }

        return result;
    }
}
