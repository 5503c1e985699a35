using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Aggregation.Stages;

/// <summary>$addFields / $set: computes fields into the document; embedded specifications merge into embedded documents.</summary>
internal sealed class AddFieldsStage(FieldSpecTree tree) : Stage
{
    public static AddFieldsStage Parse(string name, BsonValue spec) =>
        new(FieldSpecTree.Parse(spec as BsonDocument ?? throw new MongoCommandError(40272, "Location40272", $"{name} specification stage must be an object, got {Values.TypeName(spec)}"), flagsAllowed: false));

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageContext context)
    {
        foreach (var document in input)
        {
            yield return Apply(document, context.For(document));
        }
    }

    public BsonDocument Apply(BsonDocument document, EvalContext context) => Merge(document, tree, context);

    private static BsonDocument Merge(BsonDocument document, FieldSpecTree node, EvalContext context)
    {
        var result = (BsonDocument)document.Clone();
        foreach (var (name, child) in node.Children)
        {
            if (child.Computed is not null)
            {
                if (child.Computed.Evaluate(context) is { } value)
                {
                    result[name] = value;
                }
                else
                {
                    result.Remove(name);
                }
            }
            else
            {
                var existing = result.GetValue(name, null) as BsonDocument ?? [];
                result[name] = Merge(existing, child, context);
            }
        }

        return result;
    }
}
