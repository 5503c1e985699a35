using System.Diagnostics;
using BatchPredict.Core.Models;
using BatchPredict.Core.Storage;
using BatchPredict.EmbeddedMongo;
using BatchPredict.Samples;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BatchPredict.Benchmarks;

/// <summary>
/// <c>models [--models dir] [--rows N]</c>: push, cold load (GridFS read + SHA-256 + zip checks + ML.NET load), warm cache
/// hit, and scoring throughput through the shared cached model on 1 thread and on 8 threads (Transform per slice).
/// </summary>
internal static class ModelBenchmark
{
    private sealed class Prediction
    {
        public bool PredictedLabel { get; set; }

        public float Probability { get; set; }

        public float Score { get; set; }
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var folder = Option(args, "--models") ?? Path.Combine(Path.GetTempPath(), "batchpredict-bench-models");
        var rows = int.Parse(Option(args, "--rows") ?? "200000", System.Globalization.CultureInfo.InvariantCulture);
        var data = FlightDataLocation.Find() ?? throw new FileNotFoundException("samples/data/flights-3m.parquet not found");
        var modelPath = Path.Combine(folder, FlightDelayTraining.ModelFileName(2));
        if (!File.Exists(modelPath))
        {
            await FlightDelayTraining.TrainDemoModelsAsync(data, folder, Console.Out);
        }

        await using var server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.AddBatchPredictMongo(server.ConnectionString);
        builder.AddModelRegistry();
        using var host = builder.Build();
        var registry = host.Services.GetRequiredService<IModelRegistry>();
        var cache = host.Services.GetRequiredService<IModelCache>();

        var watch = Stopwatch.StartNew();
        await using (var file = File.OpenRead(modelPath))
        {
            await registry.PushAsync(file, new ModelPushRequest(FlightDelayTraining.ModelName, Alias: "production"));
        }

        var push = watch.Elapsed;
        var version = await registry.ResolveAsync(ModelReference.Parse(FlightDelayTraining.ModelName));
        watch.Restart();
        var model = await cache.GetAsync(version);
        var cold = watch.Elapsed;
        const int warmCalls = 100_000;
        watch.Restart();
        for (var i = 0; i < warmCalls; i++)
        {
            await cache.GetAsync(version);
        }

        var warm = watch.Elapsed;
        var sample = await FlightParquetReader.SampleAsync(data, 0, Math.Min(1, rows / 3_000_000.0 * 1.05), seed: 3);
        var input = sample.Test.Take(rows).Cast<FlightDelayInput>().ToList();
        var one = Score(model, [input]);
        var eight = Score(model, input.Chunk((input.Count / 8) + 1).Select(c => (IReadOnlyList<FlightDelayInput>)c).ToList());

        Console.WriteLine($"model {version.Name}:{version.Version}, {version.Size:N0} bytes, on {Environment.ProcessorCount} cores");
        Console.WriteLine($"push (verify + ML.NET load + GridFS upload): {push.TotalMilliseconds:F0} ms");
        Console.WriteLine($"cold load (GridFS read + SHA-256 + zip checks + ML.NET load): {cold.TotalMilliseconds:F0} ms");
        Console.WriteLine($"warm cache hit: {warm.TotalMilliseconds * 1000 / warmCalls:F2} us per call ({warmCalls:N0} calls)");
        Console.WriteLine($"scoring {input.Count:N0} rows: 1 thread {input.Count / one.TotalSeconds:N0} rows/s, 8 threads {input.Count / eight.TotalSeconds:N0} rows/s");
        return 0;
    }

    /// <summary>Scores each slice on its own task with its own data view; only the transformer is shared.</summary>
    private static TimeSpan Score(LoadedModel model, IReadOnlyList<IReadOnlyList<FlightDelayInput>> slices)
    {
        var watch = Stopwatch.StartNew();
        Parallel.ForEach(slices, new ParallelOptions { MaxDegreeOfParallelism = slices.Count }, slice =>
        {
            var view = model.Transformer.Transform(model.Context.Data.LoadFromEnumerable(slice));
            _ = model.Context.Data.CreateEnumerable<Prediction>(view, reuseRowObject: true).Count();
        });
        return watch.Elapsed;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
