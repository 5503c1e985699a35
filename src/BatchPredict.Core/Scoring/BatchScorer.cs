using BatchPredict.Core.Jobs;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BatchPredict.Core.Scoring;

/// <summary>
/// Scores batches with one loaded model: Transform over a <see cref="FeatureBatchDataView"/> per batch, then one cursor
/// over the output columns. ITransformer.Transform is safe to call from many threads, each with its own view and cursor.
/// </summary>
public sealed class BatchScorer
{
    public const string LabelColumn = "PredictedLabel";
    public const string ProbabilityColumn = "Probability";
    public const string ScoreColumn = "Score";

    private readonly ITransformer _model;

    /// <summary>Checks once, before any document is read, that the model accepts the job's columns and gives a Score.</summary>
    public BatchScorer(ITransformer model, IReadOnlyList<FeatureMapping> features, string modelName)
    {
        _model = model;
        DataViewSchema output;
        try
        {
            output = model.GetOutputSchema(FeatureBatchDataView.BuildSchema(features));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new BatchPredictException($"model {modelName} does not accept the job's feature columns ({string.Join(", ", features.Select(f => $"{f.Column}:{f.Type}"))}): {e.Message}", e);
        }

        if (output.GetColumnOrNull(ScoreColumn) is not { Type: NumberDataViewType t } || t != NumberDataViewType.Single)
        {
            throw new BatchPredictException($"model {modelName} has no Single '{ScoreColumn}' output column; only binary classification and regression models are supported");
        }

        HasLabel = output.GetColumnOrNull(LabelColumn)?.Type == BooleanDataViewType.Instance;
        HasProbability = output.GetColumnOrNull(ProbabilityColumn)?.Type == NumberDataViewType.Single;
    }

    public bool HasLabel { get; }

    public bool HasProbability { get; }

    public Predictions CreatePredictions(int capacity) => new(capacity, HasLabel, HasProbability);

    public void Score(FeatureBatch batch, Predictions into)
    {
        into.Count = 0;
        if (batch.Count == 0)
        {
            return;
        }

        var output = _model.Transform(new FeatureBatchDataView(batch));
        var score = output.Schema[ScoreColumn];
        var label = HasLabel ? output.Schema[LabelColumn] : (DataViewSchema.Column?)null;
        var probability = HasProbability ? output.Schema[ProbabilityColumn] : (DataViewSchema.Column?)null;
        var needed = new[] { (DataViewSchema.Column?)score, label, probability }.OfType<DataViewSchema.Column>();
        using var cursor = output.GetRowCursor(needed);
        var getScore = cursor.GetGetter<float>(score);
        var getLabel = label is { } l ? cursor.GetGetter<bool>(l) : null;
        var getProbability = probability is { } p ? cursor.GetGetter<float>(p) : null;
        var row = 0;
        float s = 0, pr = 0;
        var lb = false;
        while (cursor.MoveNext())
        {
            getScore(ref s);
            into.Scores[row] = s;
            if (getLabel is not null)
            {
                getLabel(ref lb);
                into.Labels![row] = lb;
            }

            if (getProbability is not null)
            {
                getProbability(ref pr);
                into.Probabilities![row] = pr;
            }

            row++;
        }

        into.Count = row;
    }
}
