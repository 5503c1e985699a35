using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Aggregation.Stages;

/// <summary>
/// $project (inclusion with computed fields, or exclusion) and $unset (exclusion). Inclusion keeps _id unless it is
/// excluded, keeps included fields in document order and appends computed fields in specification order.
/// </summary>
internal sealed class ProjectStage : Stage
{
    private readonly FieldSpecTree _tree;
    private readonly bool _inclusion;

    private ProjectStage(FieldSpecTree tree, bool inclusion)
    {
        _tree = tree;
        _inclusion = inclusion;
    }

    public static ProjectStage Project(BsonValue spec)
    {
        var document = spec as BsonDocument ?? throw new MongoCommandError(15969, "Location15969", "$project specification must be an object");
        if (document.ElementCount == 0)
        {
            throw new MongoCommandError(51272, "Location51272", "projection specification must have at least one field");
        }

        var tree = FieldSpecTree.Parse(document, flagsAllowed: true);
        var inclusion = tree.HasInclusionOrComputed(skipId: true);
        if (inclusion && tree.HasExclusion(skipId: true))
        {
            throw new MongoCommandError(31254, "Location31254", $"Invalid $project :: caused by :: Cannot do exclusion in inclusion projection: {document}");
        }

        // {_id: 1} alone or {_id: <expr>} alone is an inclusion of just _id.
        var idNode = tree.Child("_id");
        inclusion |= !tree.HasExclusion(skipId: true) && idNode is not null && (idNode.Include == true || idNode.Computed is not null);
        return new ProjectStage(tree, inclusion);
    }

    public static ProjectStage Unset(BsonValue spec)
    {
        var fields = spec switch
        {
            BsonString s => [s.Value],
            BsonArray { Count: > 0 } a when a.All(v => v.IsString) => a.Select(v => v.AsString).ToList(),
            _ => throw new MongoCommandError(31002, "Location31002", "$unset specification must be a string or an array containing only string values"),
        };
        var tree = new FieldSpecTree();
        foreach (var field in fields)
        {
            tree.AddExclusion(field);
        }

        return new ProjectStage(tree, inclusion: false);
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageContext context)
    {
        foreach (var document in input)
        {
            yield return _inclusion ? Include(document, _tree, context.For(document), top: true) : Exclude(document, _tree);
        }
    }

    private static BsonDocument Include(BsonDocument document, FieldSpecTree node, EvalContext context, bool top)
    {
        var result = new BsonDocument();
        foreach (var element in document)
        {
            var child = node.Child(element.Name);
            if (child is null)
            {
                if (top && element.Name == "_id")
                {
                    result.Add(element);
                }

                continue;
            }

            if (child.Computed is not null || child.Include == false)
            {
                continue;
            }

            var projected = child.Include == true ? element.Value : IncludeNested(element.Value, child, context);
            if (projected is not null)
            {
                result.Add(element.Name, projected);
            }
        }

        AddComputed(result, node, context);
        return result;
    }

    private static BsonValue? IncludeNested(BsonValue value, FieldSpecTree node, EvalContext context) => value switch
    {
        BsonDocument d => Include(d, node, context, top: false),
        BsonArray a => new BsonArray(a.Select(e => IncludeNested(e, node, context)).Where(e => e is not null)),
        _ => node.Children.Any(c => c.Node.Computed is not null) ? Include([], node, context, top: false) : null,
    };

    private static void AddComputed(BsonDocument result, FieldSpecTree node, EvalContext context)
    {
        foreach (var (name, child) in node.Children)
        {
            if (child.Computed is not null)
            {
                if (child.Computed.Evaluate(context) is { } value)
                {
                    result[name] = value;
                }
            }
            else if (child.Include is null && !result.Contains(name) && child.HasInclusionOrComputed(false))
            {
                var nested = new BsonDocument();
                AddComputed(nested, child, context);
                if (nested.ElementCount > 0)
                {
                    result[name] = nested;
                }
            }
        }
    }

    private static BsonDocument Exclude(BsonDocument document, FieldSpecTree node)
    {
        var result = new BsonDocument();
        foreach (var element in document)
        {
            var child = node.Child(element.Name);
            if (child is null)
            {
                result.Add(element);
            }
            else if (child.Include is null)
            {
                result.Add(element.Name, ExcludeNested(element.Value, child));
            }
            else if (child.Include == true)
            {
                result.Add(element);
            }
        }

        return result;
    }

    private static BsonValue ExcludeNested(BsonValue value, FieldSpecTree node) => value switch
    {
        BsonDocument d => Exclude(d, node),
        BsonArray a => new BsonArray(a.Select(e => ExcludeNested(e, node))),
        _ => value,
    };
}
