using BatchPredict.Core.Jobs;
using MongoDB.Bson;

namespace BatchPredict.Core.Scoring;

/// <summary>
/// Maps source documents into a <see cref="FeatureBatch"/> following the job's feature rules (missing / invalid:
/// default, skip or dead-letter). One mapper per job; it holds no per-document state, so it is safe to share.
/// </summary>
public sealed class FeatureMapper
{
    private readonly FeatureMapping[] _features;
    private readonly string[][] _segments;
    private readonly BsonValue?[] _defaults;

    public FeatureMapper(IReadOnlyList<FeatureMapping> features)
    {
        _features = [.. features];
        _segments = _features.Select(f => f.Path.Split('.')).ToArray();
        _defaults = _features.Select(f => f.Default).ToArray();
        for (var i = 0; i < _features.Length; i++)
        {
            // A default must itself be a valid value of the column, or "default" would only move the failure.
            if (_defaults[i] is { } d && !TryConvert(_features[i], d, new FeatureBatch([_features[i]], 1), 0, 0, isDefault: true, out var reason))
            {
                throw new BatchPredictException($"feature '{_features[i].Column}': default {d} is not valid: {reason}");
            }
        }
    }

    public IReadOnlyList<FeatureMapping> Features => _features;

    /// <summary>Maps <paramref name="document"/> into row <see cref="FeatureBatch.Count"/> of <paramref name="batch"/>;
    /// the row is committed only when every feature mapped.</summary>
    public MapOutcome Map(BsonDocument document, FeatureBatch batch)
    {
        if (batch.IsFull)
        {
            throw new InvalidOperationException("the batch is full");
        }

        var row = batch.Count;
        for (var i = 0; i < _features.Length; i++)
        {
            var feature = _features[i];
            var value = BsonPath.Find(document, _segments[i]);
            if (value is null || value.IsBsonNull || value.BsonType == BsonType.Undefined)
            {
                var outcome = Apply(feature.Missing, i, batch, row, value is null ? "missing" : "null");
                if (outcome.Status != MapStatus.Mapped)
                {
                    return outcome;
                }

                continue;
            }

            if (!TryConvert(feature, value, batch, i, row, isDefault: false, out var reason))
            {
                var outcome = Apply(feature.Invalid, i, batch, row, reason!);
                if (outcome.Status != MapStatus.Mapped)
                {
                    return outcome;
                }
            }
        }

        batch.Commit(document.GetValue("_id", BsonNull.Value));
        return MapOutcome.Mapped;
    }

    private MapOutcome Apply(ValueRule rule, int feature, FeatureBatch batch, int row, string reason)
    {
        var path = _features[feature].Path;
        switch (rule)
        {
            case ValueRule.Default when _defaults[feature] is { } d:
                TryConvert(_features[feature], d, batch, feature, row, isDefault: true, out _);
                return MapOutcome.Mapped;
            case ValueRule.Skip:
                return MapOutcome.Skipped(path, reason);
            default:
                return MapOutcome.Dead(path, reason);
        }
    }

    private static bool TryConvert(FeatureMapping feature, BsonValue value, FeatureBatch batch, int column, int row, bool isDefault, out string? reason)
    {
        switch (feature.Type)
        {
            case FeatureType.Single:
                float number;
                var ok = feature.DatePart is { } part
                    ? (isDefault
                        ? FeatureValueConverter.TryToSingle(value, out number, out reason) // a date part's default is the part's number
                        : FeatureValueConverter.TryToDatePart(value, part, out number, out reason))
                    : FeatureValueConverter.TryToSingle(value, out number, out reason);
                batch.Singles(column)[row] = number;
                return ok;
            case FeatureType.String:
                var textOk = FeatureValueConverter.TryToText(value, out var text, out reason);
                batch.Strings(column)[row] = text;
                return textOk;
            default:
                var flagOk = FeatureValueConverter.TryToBoolean(value, out var flag, out reason);
                batch.Booleans(column)[row] = flag;
                return flagOk;
        }
    }
}
