using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Update;

/// <summary>$inc and $mul with MongoDB's numeric promotion (int32 widens to int64 on overflow; double and decimal win).</summary>
internal sealed class ArithmeticOperator : UpdateOperator
{
    private readonly BsonValue _operand;
    private readonly bool _multiply;

    public ArithmeticOperator(string op, BsonValue operand, string path)
    {
        if (!BsonValueOrder.IsNumber(operand))
        {
            var verb = op == "$inc" ? "increment" : "multiply";
            throw MongoCommandError.TypeMismatch($"Cannot {verb} with non-numeric argument: {{{path}: {operand}}}");
        }

        _operand = operand;
        _multiply = op == "$mul";
    }

    public override void Apply(FieldSlot slot, UpdateWriter writer)
    {
        var current = slot.Value;
        if (current is null)
        {
            slot.Set(_multiply ? Zero(_operand.BsonType) : _operand);
            return;
        }

        if (!BsonValueOrder.IsNumber(current))
        {
            throw UpdateErrors.NonNumeric(_multiply ? "$mul" : "$inc", slot.Path, current, writer.Id);
        }

        slot.Set(_multiply ? Numbers.Multiply(current, _operand) : Numbers.Add(current, _operand));
    }

    private static BsonValue Zero(BsonType type) => type switch
    {
        BsonType.Int32 => new BsonInt32(0),
        BsonType.Int64 => new BsonInt64(0),
        BsonType.Double => new BsonDouble(0),
        _ => new BsonDecimal128(Decimal128.Parse("0")),
    };
}

/// <summary>$min / $max: replace the value when the argument sorts lower / higher (or the field is missing).</summary>
internal sealed class MinMaxOperator(BsonValue operand, bool max) : UpdateOperator
{
    public override void Apply(FieldSlot slot, UpdateWriter writer)
    {
        var current = slot.Value;
        var c = current is null ? 0 : BsonValueOrder.Compare(operand, current);
        if (current is null || (max ? c > 0 : c < 0))
        {
            slot.Set(operand);
        }
    }
}
