using BatchPredict.Core.Jobs;
using BatchPredict.Core.Scoring;
using MongoDB.Bson;

namespace BatchPredict.Core.Runs;

/// <summary>The queries of a run: the effective filter (job or override filter, plus the incremental condition),
/// a partition's _id range after its checkpoint, and the projection of the fields the features read.</summary>
public static class RunFilters
{
    public static BsonDocument Effective(JobDefinition job, BsonDocument filter, ModelLineage model, bool incremental)
    {
        if (!incremental)
        {
            return filter;
        }

        var output = job.Output.Field;
        var notThisVersion = new BsonArray
        {
            new BsonDocument($"{output}.model.name", new BsonDocument("$ne", model.Name)),
            new BsonDocument($"{output}.model.version", new BsonDocument("$ne", model.Version)),
        };
        if (job.Incremental.UpdatedAtField is { } updatedAt)
        {
            // Changed since it was scored: the document's updated-at is later than the prediction's scoredAt.
            notThisVersion.Add(new BsonDocument("$expr", new BsonDocument("$gt", new BsonArray { $"${updatedAt}", $"${output}.scoredAt" })));
        }

        var condition = new BsonDocument("$or", notThisVersion);
        return filter.ElementCount == 0 ? condition : new BsonDocument("$and", new BsonArray { filter, condition });
    }

    /// <summary>The partition's range, starting after the checkpoint when there is one.</summary>
    public static BsonDocument Partition(BsonDocument effective, PartitionProgress partition)
    {
        var range = new BsonDocument();
        if (!partition.Checkpoint.IsBsonNull)
        {
            range.Add("$gt", partition.Checkpoint);
        }
        else if (!partition.Lower.IsBsonNull)
        {
            range.Add("$gte", partition.Lower);
        }

        if (!partition.Upper.IsBsonNull)
        {
            range.Add("$lt", partition.Upper);
        }

        if (range.ElementCount == 0)
        {
            return effective;
        }

        var idRange = new BsonDocument("_id", range);
        return effective.ElementCount == 0 ? idRange : new BsonDocument("$and", new BsonArray { effective, idRange });
    }

    /// <summary>Top-level fields the features read (a dotted or indexed path projects its first field), plus _id.</summary>
    public static BsonDocument Projection(JobDefinition job)
    {
        var projection = new BsonDocument();
        foreach (var field in job.Features.Select(f => f.Path.Split('.')[0]).Distinct(StringComparer.Ordinal))
        {
            projection.Add(field, 1);
        }

        return projection;
    }
}
