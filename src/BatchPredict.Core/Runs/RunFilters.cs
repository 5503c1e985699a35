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

    /// <summary>
    /// The partition's range, starting after the checkpoint when there is one. Query operators compare only values of
    /// one type ($lt on an ObjectId never matches a string), so when a collection's _ids mix types the range is written
    /// with $expr, whose comparisons follow the full BSON order that the _id sort uses.
    /// </summary>
    public static BsonDocument Partition(BsonDocument effective, PartitionProgress partition, bool mixedIdTypes)
    {
        var bounds = new List<(string Op, BsonValue Value)>();
        if (!partition.Checkpoint.IsBsonNull)
        {
            bounds.Add(("$gt", partition.Checkpoint));
        }
        else if (!partition.Lower.IsBsonNull)
        {
            bounds.Add(("$gte", partition.Lower));
        }

        if (!partition.Upper.IsBsonNull)
        {
            bounds.Add(("$lt", partition.Upper));
        }

        if (bounds.Count == 0)
        {
            return effective;
        }

        var idRange = mixedIdTypes
            ? new BsonDocument("$expr", new BsonDocument("$and", new BsonArray(bounds.Select(b =>
                new BsonDocument(b.Op, new BsonArray { "$_id", new BsonDocument("$literal", b.Value) })))))
            : new BsonDocument("_id", new BsonDocument(bounds.Select(b => new BsonElement(b.Op, b.Value))));
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
