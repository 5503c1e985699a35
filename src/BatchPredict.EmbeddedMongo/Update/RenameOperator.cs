using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Update;

/// <summary>
/// $rename: the value is read from the original document before any action runs (actions run in path order, so the
/// target may come first), then the source is removed and the target set.
/// </summary>
internal sealed class RenameOperator
{
    private readonly string[] _source;

    public RenameOperator(string[] source)
    {
        _source = source;
        Source = new RemoveSource();
        Target = new SetTarget(this);
    }

    public UpdateOperator Source { get; }

    public UpdateOperator Target { get; }

    /// <summary>The source value in <paramref name="original"/>, or null when absent; arrays on the path are refused.</summary>
    public BsonValue? Read(BsonDocument original)
    {
        BsonValue current = original;
        for (var i = 0; i < _source.Length; i++)
        {
            if (current is BsonArray)
            {
                throw MongoCommandError.BadValue($"The source field cannot be an array element, '{string.Join('.', _source)}' in doc has an array on the path");
            }

            if (current is not BsonDocument document || !document.TryGetValue(_source[i], out current!))
            {
                return null;
            }
        }

        return current;
    }

    private sealed class RemoveSource : UpdateOperator
    {
        public override bool CreatesPath => false;

        public override void Apply(FieldSlot slot, UpdateWriter writer) => slot.Remove();
    }

    private sealed class SetTarget(RenameOperator rename) : UpdateOperator
    {
        public override void Apply(FieldSlot slot, UpdateWriter writer)
        {
            if (writer.RenamedValue(rename) is { } value)
            {
                slot.Set(value);
            }
        }
    }
}
