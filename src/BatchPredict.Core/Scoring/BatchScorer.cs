using BatchPredict.Core.Jobs;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BatchPredict.Core.Scoring;

/// <summary>
/// Scores batches with one loaded model: a row-to-row mapper of the model over one cursor of a
/// <see cref="FeatureBatchDataView"/> per batch. Safe from many threads: each call builds its own view, mapper and row.
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

        // Row-to-row mapping over one cursor of the batch: ITransformer.Transform + GetRowCursor would split the
        // batch across ML.NET's background threads and consolidate it again, which costs more than scoring a small
        // model. The mapper is built per batch, so no mapper or row is ever shared between threads.
        var input = new FeatureBatchDataView(batch);
        var mapper = _model.GetRowToRowMapper(input.Schema);
        var score = mapper.OutputSchema[ScoreColumn];
        var label = HasLabel ? mapper.OutputSchema[LabelColumn] : (DataViewSchema.Column?)null;
        var probability = HasProbability ? mapper.OutputSchema[ProbabilityColumn] : (DataViewSchema.Column?)null;
        var needed = new[] { (DataViewSchema.Column?)score, label, probability }.OfType<DataViewSchema.Column>().ToList();
        using var cursor = input.GetRowCursor(mapper.GetDependencies(needed));
        using var output = mapper.GetRow(cursor, needed);
        var getScore = output.GetGetter<float>(score);
        var getLabel = label is { } l ? output.GetGetter<bool>(l) : null;
        var getProbability = probability is { } p ? output.GetGetter<float>(p) : null;
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
