namespace BatchPredict.Samples;

/// <summary>The settings that make one demo model version differ from another: a FastTree binary classifier's size and pace.</summary>
public sealed record FlightDelayModelSettings(int Version, string Description, int NumberOfTrees, int NumberOfLeaves, double LearningRate, int MinimumExampleCountPerLeaf)
{
    /// <summary>Version 1: a small, quick ensemble.</summary>
    public static FlightDelayModelSettings Version1 { get; } =
        new(1, "FastTree 50 trees x 16 leaves, learning rate 0.2", 50, 16, 0.2, 100);

    /// <summary>Version 2: more and deeper trees at a slower pace; it should separate late flights better.</summary>
    public static FlightDelayModelSettings Version2 { get; } =
        new(2, "FastTree 150 trees x 48 leaves, learning rate 0.15", 150, 48, 0.15, 50);
}
