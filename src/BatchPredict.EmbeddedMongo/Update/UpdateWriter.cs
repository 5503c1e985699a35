using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Update;

/// <summary>
/// Applies actions to a copy-on-write document: the top level is copied once, and a nested document or array is
/// copied the first time a path goes through it, so the original and everything not on an updated path is shared.
/// </summary>
internal sealed class UpdateWriter
{
    private readonly ArrayFilterSet _arrayFilters;
    private HashSet<object>? _owned;
    private Dictionary<RenameOperator, BsonValue>? _renamed;

    public UpdateWriter(BsonDocument original, UpdateContext context, ArrayFilterSet arrayFilters)
    {
        Root = (BsonDocument)original.Clone();
        Context = context;
        _arrayFilters = arrayFilters;
        Id = original.TryGetValue("_id", out var id) ? id : null;
    }

    public BsonDocument Root { get; }

    public UpdateContext Context { get; }

    public BsonValue? Id { get; }

    public void Apply(UpdateAction action) => Walk(Root, "", action, 0);

    /// <summary>Remembers a $rename source value read before the actions run.</summary>
    public void Remember(RenameOperator rename, BsonValue value) => (_renamed ??= []).Add(rename, value);

    public BsonValue? RenamedValue(RenameOperator rename) => _renamed is not null && _renamed.TryGetValue(rename, out var v) ? v : null;

    private void Walk(BsonDocument document, string documentName, UpdateAction action, int part)
    {
        var name = action.Parts[part];
        if (name.StartsWith('$') && (name == "$" || name.StartsWith("$[", StringComparison.Ordinal)))
        {
            throw MongoCommandError.BadValue($"Cannot apply array updates to non-array element {documentName}: {document}");
        }

        if (part + 1 == action.Parts.Length)
        {
            action.Op.Apply(new FieldSlot(document, name, action.Path), this);
            return;
        }

        if (!document.TryGetValue(name, out var child))
        {
            if (action.Op.CreatesPath)
            {
                var created = NewDocument();
                document.Set(name, created);
                Walk(created, name, action, part + 1);
            }

            return;
        }

        Descend(child, name, v => document.Set(name, v), action, part + 1);
    }

    private void Descend(BsonValue child, string childName, Action<BsonValue> replace, UpdateAction action, int part)
    {
        switch (child)
        {
            case BsonDocument d:
                var ownedDoc = (BsonDocument)Own(d);
                replace(ownedDoc);
                Walk(ownedDoc, childName, action, part);
                break;
            case BsonArray a:
                var ownedArray = (BsonArray)Own(a);
                replace(ownedArray);
                WalkArray(ownedArray, childName, action, part);
                break;
            default:
                if (action.Op.CreatesPath)
                {
                    throw UpdateErrors.PathNotViable(action.Parts[part], childName, child);
                }

                break;
        }
    }

    private void WalkArray(BsonArray array, string arrayName, UpdateAction action, int part)
    {
        var name = action.Parts[part];
        if (name == "$[]")
        {
            for (var i = 0; i < array.Count; i++)
            {
                ApplyElement(array, i, action, part);
            }
        }
        else if (name.StartsWith("$[", StringComparison.Ordinal))
        {
            var identifier = name[2..^1];
            for (var i = 0; i < array.Count; i++)
            {
                if (_arrayFilters.Matches(identifier, array[i]))
                {
                    ApplyElement(array, i, action, part);
                }
            }
        }
        else if (name == "$")
        {
            ApplyElement(array, Context.PositionalIndex ?? throw UpdateErrors.PositionalNotFound(), action, part);
        }
        else
        {
            var index = FieldPath.ParseIndex(name);
            if (index >= 0)
            {
                ApplyElement(array, index, action, part);
            }
            else if (action.Op.CreatesPath)
            {
                throw UpdateErrors.PathNotViable(name, arrayName, array);
            }
        }
    }

    private void ApplyElement(BsonArray array, int index, UpdateAction action, int part)
    {
        if (part + 1 == action.Parts.Length)
        {
            action.Op.Apply(new FieldSlot(array, index, action.Path), this);
            return;
        }

        if (index >= array.Count)
        {
            if (action.Op.CreatesPath)
            {
                var created = NewDocument();
                new FieldSlot(array, index, action.Path).Set(created);
                Walk(created, index.ToString(System.Globalization.CultureInfo.InvariantCulture), action, part + 1);
            }

            return;
        }

        Descend(array[index], index.ToString(System.Globalization.CultureInfo.InvariantCulture), v => array[index] = v, action, part + 1);
    }

    private BsonValue Own(BsonValue value)
    {
        _owned ??= new HashSet<object>(ReferenceEqualityComparer.Instance);
        if (_owned.Contains(value))
        {
            return value;
        }

        BsonValue copy = value switch
        {
            BsonDocument d => (BsonDocument)d.Clone(),
            BsonArray a => new BsonArray(a),
            _ => value,
        };
        _owned.Add(copy);
        return copy;
    }

    private BsonDocument NewDocument()
    {
        var created = new BsonDocument();
        (_owned ??= new HashSet<object>(ReferenceEqualityComparer.Instance)).Add(created);
        return created;
    }
}
