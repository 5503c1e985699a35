using BatchPredict.EmbeddedMongo.Query;
using BatchPredict.EmbeddedMongo.Update;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Aggregation.Stages;

/// <summary>The running state of one $group accumulator for one group.</summary>
internal abstract class Accumulator
{
    public abstract void Add(BsonValue? value);

    public abstract BsonValue Result();

    public static Func<Accumulator> Factory(string op, string field) => op switch
    {
        "$sum" or "$count" => () => new SumAccumulator(),
        "$avg" => () => new AverageAccumulator(),
        "$min" => () => new ExtremeAccumulator(-1),
        "$max" => () => new ExtremeAccumulator(1),
        "$first" => () => new FirstAccumulator(),
        "$last" => () => new LastAccumulator(),
        "$push" => () => new PushAccumulator(unique: false),
        "$addToSet" => () => new PushAccumulator(unique: true),
        _ => throw new MongoCommandError(15952, "Location15952", $"unknown group operator '{op}' (for field '{field}')"),
    };

    private sealed class SumAccumulator : Accumulator
    {
        private BsonValue _total = new BsonInt32(0);

        public override void Add(BsonValue? value)
        {
            if (value is not null && BsonValueOrder.IsNumber(value))
            {
                _total = Numbers.Add(_total, value);
            }
        }

        public override BsonValue Result() => _total;
    }

    private sealed class AverageAccumulator : Accumulator
    {
        private readonly List<BsonValue> _values = [];

        public override void Add(BsonValue? value)
        {
            if (value is not null && BsonValueOrder.IsNumber(value))
            {
                _values.Add(value);
            }
        }

        public override BsonValue Result() => ArithmeticExpressions.Average(_values);
    }

    private sealed class ExtremeAccumulator(int direction) : Accumulator
    {
        private BsonValue? _best;

        public override void Add(BsonValue? value)
        {
            if (!Values.IsNullish(value) && (_best is null || BsonValueOrder.Compare(value!, _best) * direction > 0))
            {
                _best = value;
            }
        }

        public override BsonValue Result() => _best ?? BsonNull.Value;
    }

    private sealed class FirstAccumulator : Accumulator
    {
        private bool _seen;
        private BsonValue _value = BsonNull.Value;

        public override void Add(BsonValue? value)
        {
            if (!_seen)
            {
                (_seen, _value) = (true, value ?? BsonNull.Value);
            }
        }

        public override BsonValue Result() => _value;
    }

    private sealed class LastAccumulator : Accumulator
    {
        private BsonValue _value = BsonNull.Value;

        public override void Add(BsonValue? value) => _value = value ?? BsonNull.Value;

        public override BsonValue Result() => _value;
    }

    private sealed class PushAccumulator(bool unique) : Accumulator
    {
        private readonly BsonArray _items = [];
        private readonly HashSet<BsonValue> _seen = new(BsonValueOrder.EqualityComparer);

        public override void Add(BsonValue? value)
        {
            if (value is not null && (!unique || _seen.Add(value)))
            {
                _items.Add(value);
            }
        }

        public override BsonValue Result() => _items;
    }
}
