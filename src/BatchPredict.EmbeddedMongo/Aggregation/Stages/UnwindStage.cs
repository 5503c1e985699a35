using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Aggregation.Stages;

/// <summary>$unwind: one output per array element; includeArrayIndex and preserveNullAndEmptyArrays as MongoDB.</summary>
internal sealed class UnwindStage : Stage
{
    private readonly string[] _path;
    private readonly string? _indexField;
    private readonly bool _preserve;

    private UnwindStage(string[] path, string? indexField, bool preserve)
    {
        _path = path;
        _indexField = indexField;
        _preserve = preserve;
    }

    public static UnwindStage Parse(BsonValue spec)
    {
        if (spec is BsonString s)
        {
            return new UnwindStage(PathOf(s.Value), null, false);
        }

        var options = spec as BsonDocument ?? throw new MongoCommandError(15981, "Location15981", $"expected either a string or an object as specification for $unwind stage, got {Values.TypeName(spec)}");
        string? path = null;
        string? indexField = null;
        var preserve = false;
        foreach (var element in options)
        {
            switch (element.Name)
            {
                case "path":
                    path = element.Value.IsString ? element.Value.AsString : throw new MongoCommandError(28808, "Location28808", "expected a string as the path for $unwind stage");
                    break;
                case "includeArrayIndex":
                    indexField = element.Value.IsString && element.Value.AsString.Length > 0 && !element.Value.AsString.StartsWith('$')
                        ? element.Value.AsString
                        : throw new MongoCommandError(28810, "Location28810", "expected a non-empty string for the includeArrayIndex option to $unwind stage");
                    break;
                case "preserveNullAndEmptyArrays":
                    preserve = element.Value.IsBoolean ? element.Value.AsBoolean : throw new MongoCommandError(28809, "Location28809", "expected a boolean for the preserveNullAndEmptyArrays option to $unwind stage");
                    break;
                default:
                    throw new MongoCommandError(28811, "Location28811", $"unrecognized option to $unwind stage: {element.Name}");
            }
        }

        return new UnwindStage(PathOf(path ?? throw new MongoCommandError(28812, "Location28812", "no path specified to $unwind stage")), indexField, preserve);
    }

    private static string[] PathOf(string path) => path.StartsWith('$') && path.Length > 1
        ? path[1..].Split('.')
        : throw new MongoCommandError(28818, "Location28818", $"path option to $unwind stage should be prefixed with a '$': {path}");

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageContext context)
    {
        foreach (var document in input)
        {
            var value = Get(document);
            if (value is BsonArray { Count: > 0 } array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    yield return With(document, array[i], new BsonInt64(i));
                }
            }
            else if (value is BsonArray || value is null || value.IsBsonNull)
            {
                if (_preserve)
                {
                    // An empty array is dropped from the output document; null and missing stay as they were.
                    yield return value is BsonArray || _indexField is not null ? With(document, value is BsonArray ? null : value, BsonNull.Value) : document;
                }
            }
            else
            {
                yield return _indexField is null ? document : With(document, value, BsonNull.Value);
            }
        }
    }

    private BsonValue? Get(BsonDocument document)
    {
        BsonValue current = document;
        foreach (var part in _path)
        {
            if (current is not BsonDocument d || !d.TryGetValue(part, out current!))
            {
                return null;
            }
        }

        return current;
    }

    // Replaces the unwound field (an empty array preserved is removed) and adds the index field.
    private BsonDocument With(BsonDocument document, BsonValue? element, BsonValue index)
    {
        var result = SetPath(document, 0, element);
        if (_indexField is not null)
        {
            result[_indexField] = index;
        }

        return result;
    }

    private BsonDocument SetPath(BsonDocument document, int part, BsonValue? value)
    {
        var copy = (BsonDocument)document.Clone();
        if (part + 1 == _path.Length)
        {
            if (value is null)
            {
                copy.Remove(_path[part]);
            }
            else
            {
                copy[_path[part]] = value;
            }
        }
        else if (copy.GetValue(_path[part], null) is BsonDocument inner)
        {
            copy[_path[part]] = SetPath(inner, part + 1, value);
        }

        return copy;
    }
}
