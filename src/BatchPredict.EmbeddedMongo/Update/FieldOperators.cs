using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Update;

internal sealed class SetOperator(BsonValue value) : UpdateOperator
{
    public override void Apply(FieldSlot slot, UpdateWriter writer) => slot.Set(value);
}

internal sealed class UnsetOperator : UpdateOperator
{
    public static readonly UnsetOperator Instance = new();

    public override bool CreatesPath => false;

    public override void Apply(FieldSlot slot, UpdateWriter writer) => slot.Remove();
}

/// <summary>$setOnInsert: a $set that only acts when the update inserts a document (upsert).</summary>
internal sealed class SetOnInsertOperator(BsonValue value) : UpdateOperator
{
    public override void Apply(FieldSlot slot, UpdateWriter writer)
    {
        if (writer.Context.IsUpsertInsert)
        {
            slot.Set(value);
        }
    }
}

/// <summary>$currentDate: the update's clock as a date or as a timestamp.</summary>
internal sealed class CurrentDateOperator : UpdateOperator
{
    private readonly bool _timestamp;

    public CurrentDateOperator(BsonValue spec, string path)
    {
        if (spec.IsBoolean)
        {
            return;
        }

        if (spec is BsonDocument d && d.ElementCount == 1 && d.GetElement(0).Name == "$type" && d[0] is BsonString type
            && type.Value is "date" or "timestamp")
        {
            _timestamp = type.Value == "timestamp";
            return;
        }

        throw MongoCommandError.BadValue($"The '$type' string field is required to be 'date' or 'timestamp': {{{path}: {spec}}}");
    }

    public override void Apply(FieldSlot slot, UpdateWriter writer)
    {
        var now = DateTime.SpecifyKind(writer.Context.Now, DateTimeKind.Utc);
        slot.Set(_timestamp
            ? new BsonTimestamp((int)new DateTimeOffset(now).ToUnixTimeSeconds(), 1)
            : new BsonDateTime(now));
    }
}
