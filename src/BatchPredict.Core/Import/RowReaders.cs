namespace BatchPredict.Core.Import;

/// <summary>Opens the reader for a file's format; every file problem becomes one <see cref="BatchPredictException"/> naming the file.</summary>
public static class RowReaders
{
    public static async Task<IRowReader> OpenAsync(string path, ImportFormat format, CancellationToken ct) => format switch
    {
        ImportFormat.Parquet => await ParquetRowReader.OpenAsync(path, ct),
        ImportFormat.Csv => await CsvRowReader.OpenAsync(path, ct),
        ImportFormat.JsonLines => await JsonLinesRowReader.OpenAsync(path, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    internal static FileStream OpenFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new BatchPredictException($"'{path}' is a folder, not a file to import.");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BatchPredictException($"'{path}' does not exist.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BatchPredictException($"'{path}' cannot be read: {e.Message}", e);
        }
    }

    /// <summary>A text reader over the file (UTF-8, a byte order mark is honoured).</summary>
    internal static StreamReader OpenText(string path) =>
        new(OpenFile(path), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
}
