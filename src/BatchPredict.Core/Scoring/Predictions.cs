namespace BatchPredict.Core.Scoring;

/// <summary>The model's outputs for one batch, row for row with the batch's ids. Label and probability exist only when
/// the model produces PredictedLabel / Probability (binary classification); a regression model gives Score alone.</summary>
public sealed class Predictions(int capacity, bool hasLabel, bool hasProbability)
{
    public int Count { get; internal set; }

    public bool[]? Labels { get; } = hasLabel ? new bool[capacity] : null;

    public float[]? Probabilities { get; } = hasProbability ? new float[capacity] : null;

    public float[] Scores { get; } = new float[capacity];
}
