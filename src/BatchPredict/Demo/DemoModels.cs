using System.Security.Cryptography;
using BatchPredict.Core.Models;
using BatchPredict.Samples;

namespace BatchPredict.Demo;

/// <summary>A demo model file and the registry version holding the same bytes.</summary>
public sealed record DemoModel(int DemoVersion, string Path, ModelVersionInfo Registered, bool Pushed);

/// <summary>
/// The demo models v1 and v2: trained by the samples' <see cref="FlightDelayTraining"/> into the models folder when
/// their zips are not there yet, pushed to the registry unless a version with the same SHA-256 is already registered,
/// and v1 promoted to <c>production</c>.
/// </summary>
public sealed class DemoModels(IModelRegistry registry)
{
    public static readonly int[] Versions = [1, 2];

    /// <summary>True when both zips and their metrics files are in the folder.</summary>
    public static bool AreTrained(string folder) => Versions.All(v =>
        File.Exists(Path.Combine(folder, FlightDelayTraining.ModelFileName(v)))
        && File.Exists(Path.Combine(folder, FlightDelayTraining.MetricsFileName(v))));

    public static Task TrainAsync(DemoSettings settings, TextWriter log, CancellationToken ct) =>
        FlightDelayTraining.TrainDemoModelsAsync(settings.DataFile, settings.ModelsFolder, log, ct);

    /// <summary>Pushes each trained zip unless the registry already has its bytes; returns v1 and v2 as registered.</summary>
    public async Task<IReadOnlyList<DemoModel>> RegisterAsync(string folder, CancellationToken ct)
    {
        var existing = await registry.ListAsync(DemoSettings.JobName, ct);
        var models = new List<DemoModel>();
        foreach (var version in Versions)
        {
            var path = Path.Combine(folder, FlightDelayTraining.ModelFileName(version));
            var sha256 = await Sha256Async(path, ct);
            if (existing.FirstOrDefault(e => string.Equals(e.Sha256, sha256, StringComparison.OrdinalIgnoreCase)) is { } found)
            {
                models.Add(new DemoModel(version, path, found, Pushed: false));
                continue;
            }

            var metrics = await FlightDelayMetrics.ReadAsync(Path.Combine(folder, FlightDelayTraining.MetricsFileName(version)), ct);
            await using var file = File.OpenRead(path);
            var pushed = await registry.PushAsync(file, new ModelPushRequest(
                DemoSettings.JobName,
                Description: $"Demo model v{version}: {Describe(version)}; late = arrival delay >= 15 min, trained on {metrics.TrainRows:N0} flights",
                Tags: new Dictionary<string, string> { ["source"] = "batchpredict demo", ["demoVersion"] = version.ToString() },
                Metrics: metrics.ToRegistryMetrics(),
                SourceName: path), ct);
            models.Add(new DemoModel(version, path, pushed, Pushed: true));
        }

        return models;
    }

    /// <summary>Moves <c>production</c> to the model unless it already points there; true when it moved.</summary>
    public async Task<bool> PromoteAsync(DemoModel model, CancellationToken ct)
    {
        var alias = await registry.GetAliasAsync(DemoSettings.JobName, DemoSettings.ProductionAlias, ct);
        if (alias?.Version == model.Registered.Version)
        {
            return false;
        }

        await registry.PromoteAsync(DemoSettings.JobName, model.Registered.Version, DemoSettings.ProductionAlias, ct);
        return true;
    }

    private static string Describe(int version) => version switch
    {
        1 => FlightDelayModelSettings.Version1.Description,
        _ => FlightDelayModelSettings.Version2.Description,
    };

    private static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }
}
