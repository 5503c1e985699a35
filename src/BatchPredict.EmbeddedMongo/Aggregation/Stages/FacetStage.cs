using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Aggregation.Stages;

/// <summary>$facet: runs several sub-pipelines over the same input and returns one document of their result arrays.</summary>
internal sealed class FacetStage((string Name, CompiledPipeline Pipeline)[] facets) : Stage
{
    public static FacetStage Parse(BsonValue spec, StageContext context)
    {
        var options = spec as BsonDocument ?? throw new MongoCommandError(15955, "Location15955", "the $facet specification must be a non-empty object");
        if (options.ElementCount == 0)
        {
            throw new MongoCommandError(40169, "Location40169", "the $facet specification must be a non-empty object");
        }

        return new FacetStage([.. options.Select(e => (e.Name, PipelineCompiler.Compile(
            e.Value as BsonArray ?? throw new MongoCommandError(40170, "Location40170", $"arguments to $facet must be arrays, {e.Name} is type {Values.TypeName(e.Value)}"),
            context, allowOut: false, insideFacet: true)))]);
    }

    public override IEnumerable<BsonDocument> Execute(IEnumerable<BsonDocument> input, StageContext context)
    {
        var documents = input.ToList();
        var result = new BsonDocument();
        foreach (var (name, pipeline) in facets)
        {
            result[name] = new BsonArray(pipeline.Execute(documents, context));
        }

        yield return result;
    }
}
