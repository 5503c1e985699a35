using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Aggregation.Stages;

/// <summary>$match: a query filter; compiled with the pipeline's clock and variables for $expr.</summary>
internal sealed class MatchStage(Filter filter) : Stage
{
    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageContext context) => input.Where(filter.Matches);
}

/// <summary>$sort: a stable sort on keys computed once per document.</summary>
internal sealed class SortStage(SortSpec sort) : Stage
{
    public static SortStage Parse(BsonValue spec)
    {
        if (spec is not BsonDocument { ElementCount: > 0 } document)
        {
            throw new MongoCommandError(15976, "Location15976", "$sort stage must have at least one sort key");
        }

        return new SortStage(SortSpec.Compile(document));
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageContext context) =>
        input.Select(d => (Keys: sort.KeysOf(d), Document: d))
            .OrderBy(x => x.Keys, Comparer<BsonValue[]>.Create(sort.CompareKeys))
            .Select(x => x.Document);
}

internal sealed class SkipStage(long count) : Stage
{
    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageContext context) =>
        count >= int.MaxValue ? [] : input.Skip((int)count);
}

internal sealed class LimitStage(long count) : Stage
{
    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageContext context) =>
        count >= int.MaxValue ? input : input.Take((int)count);
}

/// <summary>$count: one document with the number of inputs, or nothing when there were none.</summary>
internal sealed class CountStage(string field) : Stage
{
    public static CountStage Parse(BsonValue spec)
    {
        if (spec is not BsonString { Value.Length: > 0 } name)
        {
            throw new MongoCommandError(40156, "Location40156", "the count field must be a non-empty string");
        }

        if (name.Value.StartsWith('$'))
        {
            throw new MongoCommandError(40158, "Location40158", "the count field cannot be a $-prefixed path");
        }

        return name.Value.Contains('.', StringComparison.Ordinal)
            ? throw new MongoCommandError(40160, "Location40160", "the count field cannot contain '.'")
            : new CountStage(name.Value);
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageContext context)
    {
        var count = input.Count();
        return count == 0 ? [] : [new BsonDocument(field, count)];
    }
}

/// <summary>$replaceRoot / $replaceWith: the expression's document becomes the output document.</summary>
internal sealed class ReplaceRootStage(Expr newRoot) : Stage
{
    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageContext context)
    {
        foreach (var document in input)
        {
            var value = newRoot.Evaluate(context.For(document));
            yield return value as BsonDocument
                ?? throw new MongoCommandError(40228, "Location40228", $"'newRoot' expression must evaluate to an object, but resulting value was: {value?.ToString() ?? "MISSING"}. Type of resulting value: '{Values.TypeName(value)}'. Input document: {document}");
        }
    }
}

/// <summary>A fixed sequence of stages run as one ($sortByCount is $group then $sort).</summary>
internal sealed class CompositeStage(params Stage[] stages) : Stage
{
    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageContext context) =>
        stages.Aggregate(input, (current, stage) => stage.Execute(current, context));
}
