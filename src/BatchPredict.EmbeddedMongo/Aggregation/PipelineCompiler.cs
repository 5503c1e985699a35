using BatchPredict.EmbeddedMongo.Aggregation.Stages;
using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Aggregation;

/// <summary>A pipeline's stages compiled in order (without $out, which the server carries out).</summary>
internal sealed class CompiledPipeline(Stage[] stages)
{
    public IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageContext context) =>
        stages.Aggregate(input, (current, stage) => stage.Execute(current, context));
}

/// <summary>Parses stage documents into stages, with MongoDB's errors for unknown or misplaced stages.</summary>
internal static class PipelineCompiler
{
    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "$merge", "$bucket", "$bucketAuto", "$graphLookup", "$sample", "$geoNear", "$indexStats", "$collStats", "$currentOp",
        "$densify", "$fill", "$setWindowFields", "$unionWith", "$redact", "$changeStream", "$search", "$listSessions",
        "$planCacheStats", "$documents", "$listLocalSessions",
    };

    public static CompiledPipeline Compile(BsonArray stages, StageContext context, bool allowOut, bool insideFacet = false) =>
        new([.. Specs(stages, allowOut).Select(s => Parse(s.Name, s.Value, context, insideFacet))]);

    /// <summary>Each stage as (name, argument), validated for shape; $out is accepted only as the final stage.</summary>
    public static List<(string Name, BsonValue Value)> Specs(BsonArray stages, bool allowOut)
    {
        var specs = new List<(string, BsonValue)>(stages.Count);
        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i] is not BsonDocument { ElementCount: 1 } stage)
            {
                throw new MongoCommandError(40323, "Location40323", "A pipeline stage specification object must contain exactly one field.");
            }

            var name = stage.GetElement(0).Name;
            if (name == "$out" && (!allowOut || i != stages.Count - 1))
            {
                throw new MongoCommandError(40601, "Location40601", "$out can only be the final stage in the pipeline");
            }

            if (name != "$out")
            {
                specs.Add((name, stage.GetElement(0).Value));
            }
        }

        return specs;
    }

    private static Stage Parse(string name, BsonValue spec, StageContext context, bool insideFacet) => name switch
    {
        "$match" => new MatchStage(Filter.Compile(spec as BsonDocument ?? throw new MongoCommandError(15959, "Location15959", "the match filter must be an expression in an object"),
            new FilterContext(context.Now, context.Variables))),
        "$project" => ProjectStage.Project(spec),
        "$unset" => ProjectStage.Unset(spec),
        "$addFields" or "$set" => AddFieldsStage.Parse(name, spec),
        "$group" => GroupStage.Parse(spec),
        "$sort" => SortStage.Parse(spec),
        "$skip" => new SkipStage(Count(spec, "$skip", allowZero: true)),
        "$limit" => new LimitStage(Count(spec, "$limit", allowZero: false)),
        "$count" => CountStage.Parse(spec),
        "$unwind" => UnwindStage.Parse(spec),
        "$lookup" => LookupStage.Parse(spec),
        "$facet" when insideFacet => throw new MongoCommandError(40600, "Location40600", "$facet is not allowed to be used within a $facet stage"),
        "$facet" => FacetStage.Parse(spec, context),
        "$replaceRoot" => new ReplaceRootStage(ExpressionCompiler.Compile(
            (spec as BsonDocument)?.GetValue("newRoot", null) ?? throw new MongoCommandError(40231, "Location40231", "no newRoot specified for the $replaceRoot stage"))),
        "$replaceWith" => new ReplaceRootStage(ExpressionCompiler.Compile(spec)),
        "$sortByCount" => SortByCount(spec),
        _ when Unsupported.Contains(name) => throw MongoCommandError.NotSupported($"aggregation stage {name}"),
        _ => throw new MongoCommandError(40324, "Location40324", $"Unrecognized pipeline stage name: '{name}'"),
    };

    private static CompositeStage SortByCount(BsonValue spec)
    {
        if (!(spec is BsonString { Value: ['$', _, ..] } || (spec is BsonDocument d && d.ElementCount == 1 && d.GetElement(0).Name.StartsWith('$'))))
        {
            throw new MongoCommandError(40148, "Location40148", "the sortByCount field must be defined as a $-prefixed path or an expression");
        }

        var group = GroupStage.Parse(new BsonDocument { { "_id", spec }, { "count", new BsonDocument("$sum", 1) } });
        return new CompositeStage(group, new SortStage(SortSpec.Compile(new BsonDocument("count", -1))));
    }

    private static long Count(BsonValue spec, string stage, bool allowZero)
    {
        if (BsonValueOrder.IsNumber(spec))
        {
            var d = NumericOrder.ToDouble(spec);
            if (d == Math.Truncate(d) && (d > 0 || (allowZero && d == 0)))
            {
                return (long)Math.Min(d, long.MaxValue);
            }
        }

        return stage == "$limit"
            ? throw new MongoCommandError(15958, "Location15958", "the limit must be positive")
            : throw new MongoCommandError(15956, "Location15956", "invalid argument to $skip stage: the skip must be a non-negative number");
    }
}
