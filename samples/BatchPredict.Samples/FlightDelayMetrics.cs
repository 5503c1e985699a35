using System.Text.Json;

namespace BatchPredict.Samples;

/// <summary>How a demo model did on the held-out flights, with what it was trained on and how long that took.</summary>
public sealed record FlightDelayMetrics(double Auc, double LogLoss, double Accuracy, double F1, int TrainRows, int TestRows, double TrainingSeconds)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The metrics stored with the model version in the registry.</summary>
    public IReadOnlyDictionary<string, double> ToRegistryMetrics() => new Dictionary<string, double>
    {
        ["auc"] = Math.Round(Auc, 4),
        ["logLoss"] = Math.Round(LogLoss, 4),
        ["accuracy"] = Math.Round(Accuracy, 4),
        ["f1"] = Math.Round(F1, 4),
        ["trainRows"] = TrainRows,
        ["testRows"] = TestRows,
    };

    public async Task WriteAsync(string path, CancellationToken ct = default)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, Json, ct);
    }

    public static async Task<FlightDelayMetrics> ReadAsync(string path, CancellationToken ct = default)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<FlightDelayMetrics>(file, Json, ct)
            ?? throw new InvalidDataException($"'{path}' holds no model metrics.");
    }
}
