using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Update;

/// <summary>$push, with the $each / $position / $sort / $slice modifiers applied in that order.</summary>
internal sealed class PushOperator : UpdateOperator
{
    private readonly BsonArray _items;
    private readonly int? _position;
    private readonly int? _slice;
    private readonly IComparer<BsonValue>? _sort;

    public PushOperator(BsonValue spec, string path)
    {
        if (spec is not BsonDocument modifiers || !modifiers.Contains("$each"))
        {
            _items = [spec];
            return;
        }

        foreach (var element in modifiers)
        {
            switch (element.Name)
            {
                case "$each":
                    _items = element.Value as BsonArray
                        ?? throw MongoCommandError.BadValue($"The argument to $each in $push must be an array but it was of type: {BsonTypeAliases.NameOf(element.Value.BsonType)}");
                    break;
                case "$position":
                    _position = WholeNumber(element.Value, "$position");
                    break;
                case "$slice":
                    _slice = WholeNumber(element.Value, "$slice");
                    break;
                case "$sort":
                    _sort = ElementSort.Parse(element.Value, path);
                    break;
                default:
                    throw MongoCommandError.BadValue($"Unrecognized clause in $push: {element.Name}");
            }
        }

        _items ??= [];
    }

    public override void Apply(FieldSlot slot, UpdateWriter writer)
    {
        var current = slot.Value;
        if (current is not null and not BsonArray)
        {
            throw UpdateErrors.NotAnArray("$push", slot.Path, current);
        }

        var list = current is BsonArray existing ? new List<BsonValue>(existing) : [];
        var at = _position is not { } p ? list.Count : p < 0 ? Math.Max(0, list.Count + p) : Math.Min(p, list.Count);
        list.InsertRange(at, _items);
        if (_sort is not null)
        {
            // A stable sort, so equal elements keep their order as MongoDB does.
            list = [.. list.Order(_sort)];
        }

        if (_slice is { } s)
        {
            list = s >= 0 ? list.Take(s).ToList() : list.Skip(Math.Max(0, list.Count + s)).ToList();
        }

        slot.Set(new BsonArray(list));
    }

    private static int WholeNumber(BsonValue value, string modifier)
    {
        if (BsonValueOrder.IsNumber(value))
        {
            var d = NumericOrder.ToDouble(value);
            if (d == Math.Truncate(d))
            {
                return (int)Math.Clamp(d, int.MinValue, int.MaxValue);
            }
        }

        throw MongoCommandError.BadValue($"The value for {modifier} must be an integer value but was given type: {BsonTypeAliases.NameOf(value.BsonType)}");
    }
}

/// <summary>The $sort modifier of $push: 1/-1 for whole elements, or a sort document for embedded fields.</summary>
internal static class ElementSort
{
    public static IComparer<BsonValue> Parse(BsonValue spec, string path)
    {
        if (BsonValueOrder.IsNumber(spec) && NumericOrder.ToDouble(spec) is 1 or -1)
        {
            var direction = (int)NumericOrder.ToDouble(spec);
            return Comparer<BsonValue>.Create((a, b) => BsonValueOrder.Compare(a, b) * direction);
        }

        if (spec is BsonDocument fields && fields.ElementCount > 0)
        {
            var sort = SortSpec.Compile(fields);
            var empty = new BsonDocument();
            return Comparer<BsonValue>.Create((a, b) => sort.Comparer.Compare(a as BsonDocument ?? empty, b as BsonDocument ?? empty));
        }

        throw MongoCommandError.BadValue($"The $sort is invalid: use 1/-1 to sort the whole element, or {{field:1/-1}} to sort embedded fields (at '{path}')");
    }
}
