using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// The field tree of a $project / $addFields / $unset specification: per field an inclusion or exclusion flag, a
/// computed expression, or a nested tree (from dotted paths or embedded specification documents).
/// </summary>
internal sealed class FieldSpecTree
{
    public List<(string Name, FieldSpecTree Node)> Children { get; } = [];

    public bool? Include { get; private set; }

    public Expr? Computed { get; private set; }

    public FieldSpecTree? Child(string name) => Children.Find(c => c.Name == name).Node;

    /// <summary>Parses a spec; <paramref name="flagsAllowed"/> is true for $project, where numbers and booleans are flags.</summary>
    public static FieldSpecTree Parse(BsonDocument spec, bool flagsAllowed)
    {
        var root = new FieldSpecTree();
        root.AddAll(spec, flagsAllowed, prefix: "");
        return root;
    }

    public void AddExclusion(string path) => Node(path).Include = false;

    private void AddAll(BsonDocument spec, bool flagsAllowed, string prefix)
    {
        foreach (var element in spec)
        {
            var path = prefix + element.Name;
            if (element.Name.StartsWith('$'))
            {
                throw new MongoCommandError(16410, "Location16410", $"FieldPath field names may not start with '$'. Consider using $getField or $setField. (in '{path}')");
            }

            var value = element.Value;
            if (flagsAllowed && (value.IsBoolean || value.IsNumeric))
            {
                Node(element.Name, path).Include = value.ToBoolean();
            }
            else if (value is BsonDocument nested && (nested.ElementCount == 0 || !nested.GetElement(0).Name.StartsWith('$')))
            {
                if (nested.ElementCount == 0)
                {
                    throw new MongoCommandError(40180, "Location40180", $"An empty sub-projection is not a valid value. Found empty object at path {path}");
                }

                Node(element.Name, path).AddAll(nested, flagsAllowed, path + ".");
            }
            else
            {
                Node(element.Name, path).Computed = ExpressionCompiler.Compile(value);
            }
        }
    }

    private FieldSpecTree Node(string dotted, string? fullPath = null)
    {
        var node = this;
        var parts = dotted.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0)
            {
                throw new MongoCommandError(15998, "Location15998", $"FieldPath field names may not be empty strings: '{fullPath ?? dotted}'");
            }

            var child = node.Child(parts[i]);
            if (child is null)
            {
                child = new FieldSpecTree();
                node.Children.Add((parts[i], child));
            }
            else if (child.Include is not null || child.Computed is not null || i + 1 == parts.Length)
            {
                throw new MongoCommandError(31250, "Location31250", $"Path collision at {fullPath ?? dotted}");
            }

            node = child;
        }

        return node;
    }

    /// <summary>Whether anything below is an inclusion or a computed field (which makes a $project an inclusion).</summary>
    public bool HasInclusionOrComputed(bool skipId) =>
        Children.Any(c => !(skipId && c.Name == "_id") && (c.Node.Include == true || c.Node.Computed is not null || c.Node.HasInclusionOrComputed(false)));

    public bool HasExclusion(bool skipId) =>
        Children.Any(c => !(skipId && c.Name == "_id") && (c.Node.Include == false || c.Node.HasExclusion(false)));
}
