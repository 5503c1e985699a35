namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>
/// One parsed field operator before it is bound to a path: a positive leaf, or a negation of a group ($ne, $nin,
/// $not, $exists: false). MongoDB negates the whole path predicate, so negation stays outside the path walker.
/// </summary>
internal abstract record OperatorCondition
{
    public abstract DocumentMatcher BindToPath(FieldPath path);

    public abstract ValueMatcher BindToValue();
}

internal sealed record LeafCondition(ValueMatcher Matcher) : OperatorCondition
{
    public override DocumentMatcher BindToPath(FieldPath path) => new PathMatcher(path, Matcher);

    public override ValueMatcher BindToValue() => Matcher;
}

internal sealed record NegatedCondition(IReadOnlyList<OperatorCondition> Inner) : OperatorCondition
{
    public override DocumentMatcher BindToPath(FieldPath path) =>
        new NotMatcher(Inner.Count == 1 ? Inner[0].BindToPath(path) : new AndMatcher([.. Inner.Select(i => i.BindToPath(path))]));

    public override ValueMatcher BindToValue() =>
        new NotValueMatcher(Inner.Count == 1 ? Inner[0].BindToValue() : new AndValueMatcher([.. Inner.Select(i => i.BindToValue())]));
}
