using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Update;

/// <summary>
/// A compiled update: operators ($set, $inc, $push, ...), a replacement document, or an aggregation pipeline
/// (arrayFilters only apply to operator updates).
/// Applying it returns a new document and never mutates the original; <c>_id</c> may not change.
/// </summary>
public sealed class UpdatePlan
{
    private readonly List<UpdateAction> _actions;
    private readonly List<RenameOperator> _renames;
    private readonly ArrayFilterSet _arrayFilters;
    private readonly BsonDocument? _replacement;
    private readonly PipelineUpdate? _pipeline;
    private readonly bool _touchesId;

    private UpdatePlan(List<UpdateAction> actions, List<RenameOperator> renames, ArrayFilterSet arrayFilters, BsonDocument? replacement, PipelineUpdate? pipeline = null)
    {
        _pipeline = pipeline;
        _actions = actions;
        _renames = renames;
        _arrayFilters = arrayFilters;
        _replacement = replacement;
        _touchesId = actions.Any(a => a.Parts[0] == "_id");
    }

    public bool IsReplacement => _replacement is not null;

    public static UpdatePlan Compile(BsonValue update, BsonArray? arrayFilters = null)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update is BsonArray stages)
        {
            if (arrayFilters is { Count: > 0 })
            {
                throw MongoCommandError.FailedToParse("arrayFilters may not be specified for pipeline-style updates");
            }

            return new UpdatePlan([], [], new ArrayFilterSet(arrayFilters), null, new PipelineUpdate(stages));
        }

        if (update is not BsonDocument document)
        {
            throw MongoCommandError.FailedToParse($"Update argument must be either an object or an array, found {update.BsonType}");
        }

        var filters = new ArrayFilterSet(arrayFilters);
        if (document.ElementCount == 0 || !document.GetElement(0).Name.StartsWith('$'))
        {
            if (arrayFilters is { Count: > 0 })
            {
                throw MongoCommandError.FailedToParse("arrayFilters may not be specified for a replacement-style update");
            }

            return new UpdatePlan([], [], filters, ValidateReplacement(document));
        }

        var renames = new List<RenameOperator>();
        return new UpdatePlan(UpdateParser.Parse(document, filters, renames), renames, filters, null);
    }

    public BsonDocument Apply(BsonDocument original, UpdateContext context)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(context);
        return _replacement is not null ? Replace(original, _replacement)
            : _pipeline is not null ? _pipeline.Apply(original, context)
            : ApplyOperators(original, context);
    }

    /// <summary>The base document of an upsert: the filter's equality conditions (incl. inside $and), dotted paths expanded.</summary>
    public static BsonDocument SeedFromFilter(BsonDocument filter) => UpsertSeed.FromFilter(filter);

    private BsonDocument ApplyOperators(BsonDocument original, UpdateContext context)
    {
        var writer = new UpdateWriter(original, context, _arrayFilters);
        foreach (var rename in _renames)
        {
            if (rename.Read(original) is { } value)
            {
                writer.Remember(rename, value);
            }
        }

        foreach (var action in _actions)
        {
            writer.Apply(action);
        }

        var result = writer.Root;
        if (_touchesId && original.TryGetValue("_id", out var before)
            && (!result.TryGetValue("_id", out var after) || !SameValue(before, after)))
        {
            throw UpdateErrors.ImmutableId();
        }

        return result;
    }

    private static BsonDocument Replace(BsonDocument original, BsonDocument replacement)
    {
        var result = new BsonDocument();
        if (original.TryGetValue("_id", out var id))
        {
            if (replacement.TryGetValue("_id", out var newId) && !SameValue(id, newId))
            {
                throw UpdateErrors.ReplacementChangesId(newId);
            }

            result.Add("_id", id);
        }
        else if (replacement.TryGetValue("_id", out var givenId))
        {
            result.Add("_id", givenId);
        }

        foreach (var element in replacement)
        {
            if (element.Name != "_id")
            {
                result.Add(element);
            }
        }

        return result;
    }

    private static BsonDocument ValidateReplacement(BsonDocument replacement)
    {
        foreach (var element in replacement)
        {
            if (element.Name.StartsWith('$'))
            {
                throw new MongoCommandError(52, "DollarPrefixedFieldName", $"The dollar ($) prefixed field '{element.Name}' in '{element.Name}' is not allowed in the context of an update's replacement document. Consider using an aggregation pipeline with $replaceWith.");
            }
        }

        return replacement;
    }

    // _id must stay byte-identical: 1 and 1.0 compare equal but are different _ids to MongoDB.
    private static bool SameValue(BsonValue a, BsonValue b) => a.BsonType == b.BsonType && a.Equals(b);
}
