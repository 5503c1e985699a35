using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Aggregation;

/// <summary>
/// A compiled aggregation expression. Evaluation returns <c>null</c> for "missing" (a field that does not exist or
/// $$REMOVE), which MongoDB keeps apart from a BSON null: a missing result drops the field from the output.
/// </summary>
internal abstract class Expr
{
    public abstract BsonValue? Evaluate(EvalContext context);
}

/// <summary>The document being processed, the variables in scope and the clock of one evaluation.</summary>
internal sealed class EvalContext(BsonDocument root, BsonValue current, Scope? variables, DateTime now)
{
    public BsonDocument Root { get; } = root;

    public BsonValue Current { get; } = current;

    public Scope? Variables { get; } = variables;

    public DateTime Now { get; } = now;

    public EvalContext With(string name, BsonValue value) => new(Root, Current, new Scope(name, value, Variables), Now);
}

/// <summary>An immutable chain of variable bindings ($let, $filter, $map and the pipeline's let).</summary>
internal sealed record Scope(string Name, BsonValue Value, Scope? Parent)
{
    public static Scope? From(IReadOnlyDictionary<string, BsonValue>? variables)
    {
        Scope? scope = null;
        foreach (var (name, value) in variables ?? new Dictionary<string, BsonValue>())
        {
            scope = new Scope(name, value, scope);
        }

        return scope;
    }

    public bool TryGet(string name, out BsonValue value)
    {
        for (var s = this; s is not null; s = s.Parent)
        {
            if (s.Name == name)
            {
                value = s.Value;
                return true;
            }
        }

        value = BsonNull.Value;
        return false;
    }
}

internal sealed class LiteralExpr(BsonValue value) : Expr
{
    public BsonValue Value { get; } = value;

    public override BsonValue? Evaluate(EvalContext context) => Value;
}

/// <summary>An array literal whose elements are expressions; a missing element becomes null.</summary>
internal sealed class ArrayExpr(Expr[] items) : Expr
{
    public override BsonValue? Evaluate(EvalContext context)
    {
        var result = new BsonArray(items.Length);
        foreach (var item in items)
        {
            result.Add(item.Evaluate(context) ?? BsonNull.Value);
        }

        return result;
    }
}

/// <summary>An object literal whose values are expressions; missing values are left out.</summary>
internal sealed class ObjectExpr((string Name, Expr Value)[] fields) : Expr
{
    public override BsonValue? Evaluate(EvalContext context)
    {
        var result = new BsonDocument();
        foreach (var (name, value) in fields)
        {
            if (value.Evaluate(context) is { } v)
            {
                result[name] = v;
            }
        }

        return result;
    }
}

/// <summary>A function of eagerly evaluated arguments.</summary>
internal sealed class CallExpr(Expr[] args, Func<BsonValue?[], EvalContext, BsonValue?> function) : Expr
{
    public override BsonValue? Evaluate(EvalContext context)
    {
        var values = new BsonValue?[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            values[i] = args[i].Evaluate(context);
        }

        return function(values, context);
    }
}

/// <summary>A node whose evaluation controls its own arguments (short-circuit, scoping).</summary>
internal sealed class LazyExpr(Func<EvalContext, BsonValue?> function) : Expr
{
    public override BsonValue? Evaluate(EvalContext context) => function(context);
}
