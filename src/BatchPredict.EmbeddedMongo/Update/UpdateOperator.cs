namespace BatchPredict.EmbeddedMongo.Update;

/// <summary>One update operator bound to its argument, applied to each slot its path resolves to.</summary>
internal abstract class UpdateOperator
{
    /// <summary>Whether missing parents of the path are created (true for $set and friends, false for $unset, $pop, $pull).</summary>
    public virtual bool CreatesPath => true;

    public abstract void Apply(FieldSlot slot, UpdateWriter writer);
}

/// <summary>An operator and the path it writes, in MongoDB's application order (lexicographic by path).</summary>
internal sealed record UpdateAction(string Operator, string Path, string[] Parts, UpdateOperator Op);
