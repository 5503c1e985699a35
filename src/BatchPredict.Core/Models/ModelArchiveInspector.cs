using System.IO.Compression;
using System.Reflection;
using Microsoft.ML;

namespace BatchPredict.Core.Models;

/// <summary>
/// Checks a model file before ML.NET sees it: size, format, zip bomb limits (entry count, and the uncompressed bytes
/// actually produced, not those the archive claims), integrity of every entry, ML.NET model entries, and the ML.NET
/// version that wrote it.
/// </summary>
internal static class ModelArchiveInspector
{
    private const string VersionEntry = "TrainingInfo/Version.txt";

    /// <summary>The ML.NET version this build loads with (e.g. 6.0.0).</summary>
    public static Version RuntimeMlNetVersion { get; } = ParseVersion(
        typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion) ?? new Version(0, 0, 0);

    /// <summary>Returns the total uncompressed size of the archive; throws a <see cref="BatchPredictException"/> naming <paramref name="subject"/> otherwise.</summary>
    public static long Inspect(byte[] bytes, string subject, ModelRegistryOptions limits)
    {
        if (bytes.Length > limits.MaxCompressedBytes)
        {
            throw Refused(subject, $"it is {bytes.Length:N0} bytes, more than the limit of {limits.MaxCompressedBytes:N0} (BatchPredict:Models:MaxCompressedBytes)");
        }

        switch (ModelFormatSniffer.Sniff(bytes))
        {
            case SniffedFormat.Empty:
                throw Refused(subject, "the file is empty");
            case SniffedFormat.PythonPickle:
                throw Refused(subject, "it is a Python pickle (scikit-learn, joblib or PyTorch); pickles can run code when loaded and are never accepted. Export the model to ML.NET");
            case SniffedFormat.Onnx:
                throw Refused(subject, "it is an ONNX model; ONNX is not supported yet, only ML.NET zips saved with MLContext.Model.Save");
            case SniffedFormat.Unknown:
                throw Refused(subject, "it is not a zip file; only ML.NET models saved with MLContext.Model.Save are supported");
        }

        try
        {
            return InspectZip(bytes, subject, limits);
        }
        catch (InvalidDataException e)
        {
            throw Refused(subject, $"the zip is corrupt or truncated ({e.Message})");
        }
    }

    private static long InspectZip(byte[] bytes, string subject, ModelRegistryOptions limits)
    {
        using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        if (archive.Entries.Count > limits.MaxZipEntries)
        {
            throw Refused(subject, $"the zip holds {archive.Entries.Count:N0} entries, more than the limit of {limits.MaxZipEntries:N0} (BatchPredict:Models:MaxZipEntries)");
        }

        long total = 0;
        var hasModelKey = false;
        string? writtenBy = null;
        var buffer = new byte[81920];
        foreach (var entry in archive.Entries)
        {
            var foreign = ModelFormatSniffer.SniffEntryName(entry.FullName);
            if (foreign != SniffedFormat.Unknown)
            {
                throw Refused(subject, $"the zip holds '{entry.FullName}', a {(foreign == SniffedFormat.Onnx ? "ONNX model (not supported yet)" : "Python pickle (never accepted: loading one can run code)")}");
            }

            hasModelKey |= entry.FullName.EndsWith("Model.key", StringComparison.Ordinal);
            using var content = entry.Open();
            using var text = entry.FullName == VersionEntry ? new MemoryStream() : null;
            int read;
            while ((read = content.Read(buffer)) > 0)
            {
                total += read;
                if (total > limits.MaxUncompressedBytes)
                {
                    throw Refused(subject, $"it expands to more than {limits.MaxUncompressedBytes:N0} bytes (BatchPredict:Models:MaxUncompressedBytes); a zip bomb is never loaded");
                }

                text?.Write(buffer, 0, read);
            }

            writtenBy = text is null ? writtenBy : System.Text.Encoding.UTF8.GetString(text.ToArray()).Trim();
        }

        if (!hasModelKey)
        {
            throw Refused(subject, "the zip holds no ML.NET model entries (Model.key); only ML.NET models saved with MLContext.Model.Save are supported");
        }

        CheckWrittenBy(writtenBy, subject);
        return total;
    }

    private static void CheckWrittenBy(string? writtenBy, string subject)
    {
        if (ParseVersion(writtenBy) is { } saved && saved > RuntimeMlNetVersion)
        {
            throw Refused(subject, $"it was saved by ML.NET {saved}, newer than the ML.NET {RuntimeMlNetVersion} this build loads with; save it with ML.NET {RuntimeMlNetVersion.ToString(2)} or upgrade BatchPredict");
        }
    }

    /// <summary>"6.0.0+6eff5cc" -> 6.0.0; null when absent or unreadable.</summary>
    private static Version? ParseVersion(string? text)
    {
        var core = text?.Split('+', '-')[0].Trim();
        return Version.TryParse(core, out var version) ? version : null;
    }

    public static BatchPredictException Refused(string subject, string reason) => new($"Refused {subject}: {reason}.");
}
