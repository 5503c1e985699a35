using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>
/// A find projection: inclusion (<c>{a: 1, "b.c": 1}</c>, _id kept unless <c>_id: 0</c>) or exclusion
/// (<c>{a: 0}</c>), with <c>$slice</c> and <c>$elemMatch</c> on array fields.
/// </summary>
public sealed class Projection
{
    private readonly ProjectionNode _root;
    private readonly bool _inclusion;
    private readonly bool _includeId;

    private Projection(ProjectionNode root, bool inclusion, bool includeId)
    {
        _root = root;
        _inclusion = inclusion;
        _includeId = includeId;
    }

    public static Projection Compile(BsonDocument projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        return new ProjectionParser().Parse(projection);
    }

    public BsonDocument Apply(BsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var result = _inclusion ? Include(document, _root) : Exclude(document, _root);
        if (!_includeId && !_inclusion)
        {
            result.Remove("_id");
        }

        return result;
    }

    internal static Projection Create(ProjectionNode root, bool inclusion, bool includeId) => new(root, inclusion, includeId);

    private BsonDocument Include(BsonDocument document, ProjectionNode node)
    {
        var isTop = ReferenceEquals(node, _root);
        var result = new BsonDocument();
        for (var i = 0; i < document.ElementCount; i++)
        {
            var element = document.GetElement(i);
            if (isTop && element.Name == "_id" && !node.Children.ContainsKey("_id"))
            {
                if (_includeId)
                {
                    result.Add(element);
                }

                continue;
            }

            if (node.Children.TryGetValue(element.Name, out var child))
            {
                var projected = IncludeValue(element.Value, child);
                if (projected is not null)
                {
                    result.Add(element.Name, projected);
                }
            }
        }

        return result;
    }

    private BsonValue? IncludeValue(BsonValue value, ProjectionNode node)
    {
        if (node.Slice is not null || node.ElemMatch is not null)
        {
            return Special(value, node);
        }

        if (node.IsLeaf)
        {
            return value;
        }

        return value switch
        {
            BsonDocument d => Include(d, node),
            BsonArray a => new BsonArray(a.Select(e => IncludeValue(e, node)).Where(e => e is not null && e.BsonType is BsonType.Document or BsonType.Array)),
            _ => null,
        };
    }

    private BsonDocument Exclude(BsonDocument document, ProjectionNode node)
    {
        var result = new BsonDocument();
        for (var i = 0; i < document.ElementCount; i++)
        {
            var element = document.GetElement(i);
            if (!node.Children.TryGetValue(element.Name, out var child))
            {
                result.Add(element);
                continue;
            }

            var projected = ExcludeValue(element.Value, child);
            if (projected is not null)
            {
                result.Add(element.Name, projected);
            }
        }

        return result;
    }

    private BsonValue? ExcludeValue(BsonValue value, ProjectionNode node)
    {
        if (node.Slice is not null || node.ElemMatch is not null)
        {
            return Special(value, node);
        }

        if (node.IsLeaf)
        {
            return null;
        }

        return value switch
        {
            BsonDocument d => Exclude(d, node),
            BsonArray a => new BsonArray(a.Select(e => ExcludeValue(e, node) ?? BsonNull.Value)),
            _ => value,
        };
    }

    private static BsonValue? Special(BsonValue value, ProjectionNode node)
    {
        if (value is not BsonArray array)
        {
            return node.ElemMatch is null ? value : null;
        }

        if (node.Slice is { } slice)
        {
            return ProjectionNode.ApplySlice(array, slice);
        }

        // The filter is {field: {$elemMatch: ...}} rooted at a one-field document, so its positional index is the element.
        return node.ElemMatch!.Matches(new BsonDocument(ProjectionParser.ElemMatchField, array), out var index) && index is { } i
            ? new BsonArray { array[i] }
            : null;
    }
}
