using BatchPredict.EmbeddedMongo.Aggregation;
using BatchPredict.EmbeddedMongo.Aggregation.Stages;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Update;

/// <summary>An update given as an aggregation pipeline of $addFields/$set, $project/$unset and $replaceRoot/$replaceWith.</summary>
internal sealed class PipelineUpdate
{
    private static readonly Dictionary<string, BsonValue> NoVariables = [];
    private readonly CompiledPipeline _pipeline;

    public PipelineUpdate(BsonArray stages)
    {
        foreach (var (name, _) in PipelineCompiler.Specs(stages, allowOut: false))
        {
            if (name is not ("$addFields" or "$set" or "$project" or "$unset" or "$replaceRoot" or "$replaceWith"))
            {
                throw new MongoCommandError(ErrorCodes.InvalidOptions, "InvalidOptions", $"{name} is not allowed to be used within an update");
            }
        }

        _pipeline = PipelineCompiler.Compile(stages, new StageContext(null, default, NoVariables), allowOut: false);
    }

    public BsonDocument Apply(BsonDocument original, UpdateContext context)
    {
        var result = _pipeline.Execute([original], new StageContext(null, context.Now, NoVariables)).Single();
        if (!original.TryGetValue("_id", out var id))
        {
            return result;
        }

        if (!result.TryGetValue("_id", out var newId))
        {
            result.InsertAt(0, new BsonElement("_id", id));
        }
        else if (newId.BsonType != id.BsonType || !newId.Equals(id))
        {
            throw UpdateErrors.ReplacementChangesId(newId);
        }

        return result;
    }
}
