using System.Diagnostics;
using BatchPredict.Core.Import;

namespace BatchPredict.Benchmarks;

/// <summary>
/// <c>import-read [--file path] [--batch-size N]</c>: how fast the import readers turn a file into BSON documents,
/// without MongoDB, and the peak working set while doing it (flat memory means it does not grow with the file).
/// Default file: samples/data/flights-3m.parquet found above the current folder.
/// </summary>
internal static class ImportReadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var file = Option(args, "--file") ?? FindFlights();
        var batchSize = int.Parse(Option(args, "--batch-size") ?? "2000", System.Globalization.CultureInfo.InvariantCulture);
        var format = ImportFormats.FromExtension(file);

        var clock = Stopwatch.StartNew();
        long rows = 0, bad = 0, fields = 0;
        await using (var reader = await RowReaders.OpenAsync(file, format, CancellationToken.None))
        {
            await foreach (var batch in reader.ReadAsync(batchSize, maxRows: null, CancellationToken.None))
            {
                rows += batch.RowsRead;
                bad += batch.BadRows.Count;
                fields += batch.Documents.Sum(d => d.ElementCount);
            }
        }

        clock.Stop();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"import-read {file} ({format}), batch size {batchSize}");
        Console.WriteLine($"rows {rows:N0} (bad {bad:N0}, fields {fields:N0}) in {clock.Elapsed.TotalSeconds:N2} s = {rows / clock.Elapsed.TotalSeconds:N0} rows/s");
        Console.WriteLine($"peak working set {process.PeakWorkingSet64 / (1024 * 1024):N0} MiB, allocated {GC.GetTotalAllocatedBytes() / (1024 * 1024):N0} MiB, gen2 GCs {GC.CollectionCount(2)}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string FindFlights()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "samples", "data", "flights-3m.parquet");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("samples/data/flights-3m.parquet not found above the current folder; pass --file.");
    }
}
