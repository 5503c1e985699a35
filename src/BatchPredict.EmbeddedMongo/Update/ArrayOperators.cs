using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Update;

/// <summary>$addToSet (with $each): appends values not already present (by BSON value equality).</summary>
internal sealed class AddToSetOperator : UpdateOperator
{
    private readonly BsonArray _items;

    public AddToSetOperator(BsonValue spec)
    {
        if (spec is BsonDocument d && d.Contains("$each"))
        {
            if (d.ElementCount > 1)
            {
                throw MongoCommandError.BadValue($"Found unexpected fields after $each in $addToSet: {d}");
            }

            _items = d["$each"] as BsonArray
                ?? throw MongoCommandError.TypeMismatch($"The argument to $each in $addToSet must be an array but it was of type {BsonTypeAliases.NameOf(d["$each"].BsonType)}");
        }
        else
        {
            _items = [spec];
        }
    }

    public override void Apply(FieldSlot slot, UpdateWriter writer)
    {
        var current = slot.Value;
        if (current is not null and not BsonArray)
        {
            throw MongoCommandError.BadValue($"Cannot apply $addToSet to non-array field. Field named '{slot.Path}' has non-array type {BsonTypeAliases.NameOf(current.BsonType)}");
        }

        var result = current is BsonArray existing ? new BsonArray(existing) : [];
        foreach (var item in _items)
        {
            if (!result.Any(e => BsonValueOrder.AreEqual(e, item)))
            {
                result.Add(item);
            }
        }

        slot.Set(result);
    }
}

/// <summary>$pop: removes the last (1) or first (-1) element.</summary>
internal sealed class PopOperator : UpdateOperator
{
    private readonly bool _first;

    public PopOperator(BsonValue spec)
    {
        var d = BsonValueOrder.IsNumber(spec) ? NumericOrder.ToDouble(spec) : 0;
        _first = d is 1 or -1 ? d < 0 : throw MongoCommandError.FailedToParse($"$pop expects 1 or -1, found: {spec}");
    }

    public override bool CreatesPath => false;

    public override void Apply(FieldSlot slot, UpdateWriter writer)
    {
        var current = slot.Value;
        if (current is null)
        {
            return;
        }

        if (current is not BsonArray array)
        {
            throw MongoCommandError.TypeMismatch($"Path '{slot.Path}' contains an element of non-array type '{BsonTypeAliases.NameOf(current.BsonType)}'");
        }

        var result = new BsonArray(array);
        if (result.Count > 0)
        {
            result.RemoveAt(_first ? 0 : result.Count - 1);
        }

        slot.Set(result);
    }
}

/// <summary>$pull (a value, an operator condition or a query on element documents) and $pullAll (listed values).</summary>
internal sealed class PullOperator : UpdateOperator
{
    private readonly Func<BsonValue, bool> _remove;
    private readonly string _name;

    private PullOperator(string name, Func<BsonValue, bool> remove)
    {
        _name = name;
        _remove = remove;
    }

    public override bool CreatesPath => false;

    public static PullOperator Pull(BsonValue spec)
    {
        if (FilterParser.IsOperatorDocument(spec))
        {
            var condition = Filter.Compile(new BsonDocument("v", spec));
            return new PullOperator("$pull", v => condition.Matches(new BsonDocument("v", v)));
        }

        if (spec is BsonDocument query)
        {
            var filter = Filter.Compile(query);
            return new PullOperator("$pull", v => v is BsonDocument d && filter.Matches(d));
        }

        return new PullOperator("$pull", v => BsonValueOrder.AreEqual(v, spec));
    }

    public static PullOperator PullAll(BsonValue spec, string path)
    {
        var values = spec as BsonArray
            ?? throw MongoCommandError.BadValue($"$pullAll requires an array argument but was given a {BsonTypeAliases.NameOf(spec.BsonType)} (at '{path}')");
        return new PullOperator("$pullAll", v => values.Any(x => BsonValueOrder.AreEqual(v, x)));
    }

    public override void Apply(FieldSlot slot, UpdateWriter writer)
    {
        var current = slot.Value;
        if (current is null)
        {
            return;
        }

        if (current is not BsonArray array)
        {
            throw MongoCommandError.BadValue($"Cannot apply {_name} to a non-array value");
        }

        slot.Set(new BsonArray(array.Where(v => !_remove(v))));
    }
}
