using System.IO.Compression;
using BatchPredict.Core.Models;
using BatchPredict.Samples;
using Microsoft.ML;

namespace BatchPredict.Core.Tests.Models;

/// <summary>
/// A small flight-delay model trained once per test run on the first row group of the real flights file, with the
/// demo pipeline, plus helpers that damage its bytes in the ways the registry must refuse.
/// </summary>
internal static class TestModels
{
    private static readonly Lazy<(byte[] Bytes, IReadOnlyList<FlightDelayExample> Rows)> Trained = new(Train);

    public static byte[] FlightDelayBytes => Trained.Value.Bytes;

    /// <summary>Held-out rows of the same row group, to score.</summary>
    public static IReadOnlyList<FlightDelayExample> ScoringRows => Trained.Value.Rows;

    public static ModelRegistryOptions DefaultLimits => new();

    public static ModelVersionInfo InfoFor(byte[] bytes, string name = "flight-delay", int version = 1) => new(
        name, version, ModelLoader.Sha256Hex(bytes), bytes.LongLength, ModelVersionInfo.MlNetZipFormat,
        [], [], new Dictionary<string, double>(), new Dictionary<string, string>(), null, DateTimeOffset.UnixEpoch,
        MongoDB.Bson.ObjectId.Empty);

    /// <summary>The model zip with one entry's content replaced (or added when missing).</summary>
    public static byte[] WithEntry(byte[] zip, string entryName, byte[] content)
    {
        using var copy = new MemoryStream();
        copy.Write(zip);
        using (var archive = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            archive.GetEntry(entryName)?.Delete();
            using var stream = archive.CreateEntry(entryName).Open();
            stream.Write(content);
        }

        return copy.ToArray();
    }

    /// <summary>A zip holding the given entries, each with the given content.</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    private static (byte[], IReadOnlyList<FlightDelayExample>) Train()
    {
        var path = FlightDataLocation.Find() ?? throw new FileNotFoundException("samples/data/flights-3m.parquet not found above the test directory");
        var sample = FlightParquetReader.SampleAsync(path, trainRate: 0.05, testRate: 0.01, seed: 7, maxRowGroups: 1).GetAwaiter().GetResult();
        var ml = new MLContext(7);
        var settings = FlightDelayModelSettings.Version1 with { NumberOfTrees = 20 };
        var (model, _) = FlightDelayTraining.Train(ml, sample.Train, sample.Test, settings);
        using var buffer = new MemoryStream();
        FlightDelayTraining.Save(ml, model, buffer);
        return (buffer.ToArray(), sample.Test);
    }
}
