using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace BatchPredict.Samples;

/// <summary>A demo model written to disk: the ML.NET zip and its metrics file beside it.</summary>
public sealed record TrainedFlightModel(FlightDelayModelSettings Settings, string ModelPath, string MetricsPath, FlightDelayMetrics Metrics);

/// <summary>
/// Trains the demo "late flight" classifiers (delay >= 15 min) on the real flights data, with the demo model contract:
/// inputs Distance, Hour, Dow, Month (Single), Origin, Destination (String); outputs PredictedLabel, Probability, Score.
/// </summary>
public static class FlightDelayTraining
{
    public const string ModelName = "flight-delay";

    /// <summary>Share of the 3M rows trained on (about 300,000) and held out (about 90,000); the seed fixes which.</summary>
    public const double TrainRate = 0.10;
    public const double TestRate = 0.03;
    public const int Seed = 20240601;

    private static readonly string[] EncodedColumns = ["OriginEncoded", "DestinationEncoded"];

    public static string ModelFileName(int version) => $"{ModelName}-v{version}.zip";

    public static string MetricsFileName(int version) => $"{ModelName}-v{version}.metrics.json";

    /// <summary>Reads the sample once, trains version 1 and version 2, and writes their zips and metrics into <paramref name="outputDirectory"/>.</summary>
    public static async Task<IReadOnlyList<TrainedFlightModel>> TrainDemoModelsAsync(string dataPath, string outputDirectory, TextWriter? log = null, CancellationToken ct = default)
    {
        Directory.CreateDirectory(outputDirectory);
        var read = Stopwatch.StartNew();
        var sample = await FlightParquetReader.SampleAsync(dataPath, TrainRate, TestRate, Seed, ct: ct);
        log?.WriteLine($"read {sample.RowsRead:N0} flights in {read.Elapsed.TotalSeconds:F1} s ({sample.RowsSkipped:N0} without date or delay skipped); training on {sample.Train.Count:N0}, evaluating on {sample.Test.Count:N0}");
        var models = new List<TrainedFlightModel>();
        foreach (var settings in new[] { FlightDelayModelSettings.Version1, FlightDelayModelSettings.Version2 })
        {
            ct.ThrowIfCancellationRequested();
            var ml = new MLContext(Seed);
            var (model, metrics) = Train(ml, sample.Train, sample.Test, settings);
            var modelPath = Path.Combine(outputDirectory, ModelFileName(settings.Version));
            var metricsPath = Path.Combine(outputDirectory, MetricsFileName(settings.Version));
            await using (var file = File.Create(modelPath))
            {
                Save(ml, model, file);
            }

            await metrics.WriteAsync(metricsPath, ct);
            log?.WriteLine($"v{settings.Version} ({settings.Description}): AUC {metrics.Auc:F4}, log-loss {metrics.LogLoss:F4}, accuracy {metrics.Accuracy:F4}, trained in {metrics.TrainingSeconds:F1} s -> {modelPath}");
            models.Add(new TrainedFlightModel(settings, modelPath, metricsPath, metrics));
        }

        return models;
    }

    /// <summary>Fits the pipeline on <paramref name="train"/> and evaluates it on <paramref name="test"/>.</summary>
    public static (ITransformer Model, FlightDelayMetrics Metrics) Train(MLContext ml, IReadOnlyList<FlightDelayExample> train, IReadOnlyList<FlightDelayExample> test, FlightDelayModelSettings settings)
    {
        var watch = Stopwatch.StartNew();
        var model = BuildPipeline(ml, settings).Fit(ml.Data.LoadFromEnumerable(train));
        var seconds = watch.Elapsed.TotalSeconds;
        var evaluation = ml.BinaryClassification.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(test)));
        var metrics = new FlightDelayMetrics(evaluation.AreaUnderRocCurve, evaluation.LogLoss, evaluation.Accuracy, evaluation.F1Score, train.Count, test.Count, Math.Round(seconds, 2));
        return (model, metrics);
    }

    /// <summary>Saves with the contract's input schema (no Label), so the registry reads exactly the columns a job must provide.</summary>
    public static void Save(MLContext ml, ITransformer model, Stream destination)
    {
        var inputSchema = ml.Data.LoadFromEnumerable(Array.Empty<FlightDelayInput>()).Schema;
        ml.Model.Save(model, inputSchema, destination);
    }

    private static IEstimator<ITransformer> BuildPipeline(MLContext ml, FlightDelayModelSettings settings) =>
        ml.Transforms.Categorical.OneHotEncoding([new("OriginEncoded", "Origin"), new("DestinationEncoded", "Destination")])
            .Append(ml.Transforms.Concatenate("Features", ["Distance", "Hour", "Dow", "Month", .. EncodedColumns]))
            .Append(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = settings.NumberOfTrees,
                NumberOfLeaves = settings.NumberOfLeaves,
                LearningRate = settings.LearningRate,
                MinimumExampleCountPerLeaf = settings.MinimumExampleCountPerLeaf,
                Seed = Seed,
            }))
            // Only the contract's outputs are added to the input columns: PredictedLabel, Probability, Score.
            .Append(ml.Transforms.DropColumns(["Features", .. EncodedColumns]));
}
