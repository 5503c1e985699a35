using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>Builds the projection tree and decides inclusion versus exclusion mode, with MongoDB's errors for mixing.</summary>
internal sealed class ProjectionParser
{
    public const string ElemMatchField = "e";

    private readonly ProjectionNode _root = new();
    private bool? _inclusion;
    private bool _includeId = true;
    private bool _hasElemMatch;

    public Projection Parse(BsonDocument projection)
    {
        for (var i = 0; i < projection.ElementCount; i++)
        {
            var element = projection.GetElement(i);
            Add(element.Name, element.Value);
        }

        // Only $slice (or nothing but _id: 0) leaves the mode open: such projections keep every other field.
        var inclusion = _inclusion ?? _hasElemMatch;
        if (!inclusion && _root.Children.TryGetValue("_id", out var id) && id.IsLeaf && _includeId)
        {
            _root.Children.Remove("_id");
        }

        return Projection.Create(_root, inclusion, _includeId);
    }

    private void Add(string path, BsonValue value)
    {
        if (path.EndsWith(".$", StringComparison.Ordinal) || path == "$")
        {
            throw MongoCommandError.NotSupported($"positional projection '{path}'");
        }

        if (value is BsonDocument spec && spec.ElementCount == 1 && spec.GetElement(0).Name is "$slice" or "$elemMatch")
        {
            AddSpecial(path, spec.GetElement(0).Name, spec.GetElement(0).Value);
            return;
        }

        if (!(BsonValueOrder.IsNumber(value) || value.IsBoolean))
        {
            throw MongoCommandError.NotSupported($"projection expression for field '{path}'");
        }

        var include = value.ToBoolean();
        if (path == "_id")
        {
            _includeId = include;
            if (include)
            {
                Node(path).IsLeaf = true;
            }

            return;
        }

        if (_inclusion is { } mode && mode != include)
        {
            throw include
                ? new MongoCommandError(31253, "Location31253", $"Cannot do inclusion on field {path} in exclusion projection")
                : new MongoCommandError(31254, "Location31254", $"Cannot do exclusion on field {path} in inclusion projection");
        }

        _inclusion = include;
        var node = Node(path);
        if (node.Children.Count > 0)
        {
            throw ProjectionNode.PathCollision(path);
        }

        node.IsLeaf = true;
    }

    private void AddSpecial(string path, string kind, BsonValue argument)
    {
        var node = Node(path);
        if (node.IsLeaf || node.Children.Count > 0)
        {
            throw ProjectionNode.PathCollision(path);
        }

        if (kind == "$elemMatch")
        {
            if (path.Contains('.', StringComparison.Ordinal))
            {
                throw MongoCommandError.BadValue($"Cannot use $elemMatch projection on a nested field: {path}");
            }

            _hasElemMatch = true;
            node.ElemMatch = Filter.Compile(new BsonDocument(ElemMatchField, new BsonDocument("$elemMatch", argument)));
            return;
        }

        node.Slice = ParseSlice(argument);
    }

    private static (int Skip, int? Limit) ParseSlice(BsonValue argument)
    {
        if (BsonValueOrder.IsNumber(argument))
        {
            return ((int)Math.Clamp(NumericOrder.ToDouble(argument), int.MinValue, int.MaxValue), null);
        }

        if (argument is BsonArray { Count: 2 } pair && BsonValueOrder.IsNumber(pair[0]) && BsonValueOrder.IsNumber(pair[1]))
        {
            var limit = NumericOrder.ToDouble(pair[1]);
            if (limit <= 0)
            {
                throw MongoCommandError.BadValue("$slice limit must be positive");
            }

            return ((int)Math.Clamp(NumericOrder.ToDouble(pair[0]), int.MinValue, int.MaxValue), (int)Math.Min(limit, int.MaxValue));
        }

        throw MongoCommandError.BadValue("$slice only supports numbers and [skip, limit] arrays");
    }

    private ProjectionNode Node(string path)
    {
        var parts = new FieldPath(path).Parts;
        var node = _root;
        for (var i = 0; i < parts.Length; i++)
        {
            node = i + 1 == parts.Length
                ? node.Children.TryGetValue(parts[i], out var existing) ? existing : node.Child(parts[i], path)
                : node.Child(parts[i], path);
        }

        return node;
    }
}
