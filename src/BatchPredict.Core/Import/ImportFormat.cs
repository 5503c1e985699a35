namespace BatchPredict.Core.Import;

/// <summary>The file formats <c>batchpredict import</c> reads.</summary>
public enum ImportFormat
{
    Parquet,
    Csv,
    JsonLines,
}

public static class ImportFormats
{
    /// <summary>The format named on the command line (<c>parquet</c>, <c>csv</c>, <c>jsonl</c>).</summary>
    public static ImportFormat Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "parquet" => ImportFormat.Parquet,
        "csv" => ImportFormat.Csv,
        "jsonl" or "ndjson" or "jsonlines" => ImportFormat.JsonLines,
        _ => throw new BatchPredictException($"Unknown import format '{name}': use parquet, csv or jsonl."),
    };

    /// <summary>The format implied by the file's extension; an unknown extension asks for <c>--format</c>.</summary>
    public static ImportFormat FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".parquet" or ".pq" => ImportFormat.Parquet,
        ".csv" => ImportFormat.Csv,
        ".jsonl" or ".ndjson" => ImportFormat.JsonLines,
        var other => throw new BatchPredictException(
            $"Cannot tell the format of '{path}' from {(other.Length == 0 ? "a name without extension" : $"its extension '{other}'")}: pass --format parquet, csv or jsonl."),
    };
}
