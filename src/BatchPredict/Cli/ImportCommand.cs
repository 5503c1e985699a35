using System.CommandLine;
using BatchPredict.Core.Import;
using BatchPredict.Core.Storage;
using BatchPredict.Hosting;
using Microsoft.Extensions.Options;

namespace BatchPredict.Cli;

/// <summary><c>batchpredict import</c>: a Parquet, CSV or JSON lines file into a collection, with a progress bar and a summary.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var collection = new Option<string>("--collection") { Description = "Collection to import into.", Required = true };
        var file = new Option<string>("--file") { Description = "Parquet, CSV (header row) or JSON lines file.", Required = true };
        var format = new Option<string?>("--format") { Description = "parquet, csv or jsonl (default: from the file's extension)." };
        format.AcceptOnlyFromAmong("parquet", "csv", "jsonl");
        var batchSize = new Option<int?>("--batch-size") { Description = "Rows per insert (default: BatchPredict:Import:BatchSize, 2000)." };
        var rows = new Option<long?>("--rows") { Description = "Take only the first N rows of the file." };
        var drop = new Option<bool>("--drop") { Description = "Empty the collection first." };
        batchSize.Validators.Add(r => AtLeast(r.GetValueOrDefault<int?>(), 1, "--batch-size", r.AddError));
        rows.Validators.Add(r => AtLeast(r.GetValueOrDefault<long?>(), 0, "--rows", r.AddError));

        var command = new Command("import", "Import a Parquet, CSV or JSON lines file into a collection, values keeping their types.")
        {
            collection, file, format, batchSize, rows, drop,
        };
        command.SetGuardedAction(async (parse, ct) =>
        {
            var request = new ImportRequest(parse.GetRequiredValue(collection), parse.GetRequiredValue(file))
            {
                Format = parse.GetValue(format) is { } name ? ImportFormats.Parse(name) : null,
                BatchSize = parse.GetValue(batchSize),
                MaxRows = parse.GetValue(rows),
                Drop = parse.GetValue(drop),
            };
            return await RunAsync(request, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(ImportRequest request, CancellationToken ct)
    {
        // The file first: a wrong path or format is refused at once, before a large embedded database is loaded.
        request = request with { Format = request.Format ?? ImportFormats.FromExtension(request.File) };
        await using var reader = await RowReaders.OpenAsync(request.File, request.Format.Value, ct);

        // The progress bar and the summary say what the import's Information logs would; the host keeps those off the console.
        await using var host = await CommandHost.StartAsync(builder => builder.AddBatchPredictImport(), null, ct);
        var importer = host.Services.GetRequiredService<Importer>();
        var database = host.Services.GetRequiredService<IOptions<MongoOptions>>().Value.Database;
        var summary = await ImportConsole.RunWithProgressAsync(request.Collection, (progress, token) => importer.ImportAsync(request, reader, progress, token), ct);
        ImportConsole.WriteSummary(summary, database);
        return summary.Cancelled ? GuardedAction.Cancelled : 0;
    }

    private static void AtLeast<T>(T? value, T minimum, string name, Action<string> addError)
        where T : struct, IComparable<T>
    {
        if (value is { } given && given.CompareTo(minimum) < 0)
        {
            addError($"{name} must be at least {minimum}.");
        }
    }
}
