using BatchPredict.Core;
using BatchPredict.Samples;

namespace BatchPredict.Demo;

/// <summary>Section <c>BatchPredict:Demo</c>: where the demo finds its data and keeps its trained models.</summary>
public sealed class DemoOptions
{
    public const string Section = "BatchPredict:Demo";

    /// <summary>Folder name of the trained demo model zips, beside the embedded server's data folder.</summary>
    public const string ModelsFolderName = "demo-models";

    /// <summary>The flights file to import. Default (empty): samples/data/flights-3m.parquet, looked up from the
    /// current directory and the executable's directory upwards.</summary>
    public string? DataFile { get; set; }

    /// <summary>Cache of the trained demo models. Default (empty): "demo-models" beside the embedded server's data
    /// folder (or beside its default folder when a MongoDB is configured).</summary>
    public string? ModelsPath { get; set; }

    public string ResolveDataFile()
    {
        if (!string.IsNullOrWhiteSpace(DataFile))
        {
            return File.Exists(DataFile) ? Path.GetFullPath(DataFile)
                : throw new BatchPredictException($"The demo's data file '{DataFile}' ({Section}:DataFile) does not exist.");
        }

        return FlightDataLocation.Find()
            ?? throw new BatchPredictException($"The flights data ({FlightDataLocation.RelativePath}) was not found in {Directory.GetCurrentDirectory()}, beside the executable or above them; run the demo from the repository or set {Section}:DataFile.");
    }

    /// <param name="mongoDataPath">The embedded server's data folder; null when a MongoDB is configured.</param>
    public string ResolveModelsPath(string? mongoDataPath, string defaultMongoDataPath)
    {
        if (!string.IsNullOrWhiteSpace(ModelsPath))
        {
            return Path.GetFullPath(ModelsPath);
        }

        var data = Path.TrimEndingDirectorySeparator(mongoDataPath ?? defaultMongoDataPath);
        return Path.Combine(Path.GetDirectoryName(data) ?? data, ModelsFolderName);
    }
}
