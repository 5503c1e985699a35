using System.CommandLine;
using System.Diagnostics;
using BatchPredict.Core;
using BatchPredict.Core.Storage;
using BatchPredict.Demo;
using BatchPredict.Hosting;
using BatchPredict.Samples;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace BatchPredict.Cli;

/// <summary>
/// <c>batchpredict demo [--rows N] [--fresh] [--serve]</c>: the product's real job on the US DOT flights in one command
/// (see <see cref="DemoRunner"/>). The last line starts with "scored ".
/// </summary>
internal static class DemoCommand
{
    /// <summary>Folder of the trained demo model zips, beside the embedded server's data folder.</summary>
    public const string ModelsFolderName = "demo-models";

    public static Command Create()
    {
        var rows = new Option<long?>("--rows") { Description = "Import only the first N flights (default: all 3,000,000)" };
        rows.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long?>() is < 1)
            {
                r.AddError("--rows must be at least 1.");
            }
        });
        var fresh = new Option<bool>("--fresh") { Description = "Drop the demo's collections (flights, runs, dead letters, model registry) and start over" };
        var serve = new Option<bool>("--serve") { Description = "Keep the host and the Hangfire dashboard up afterwards, until Ctrl+C" };
        var urls = new Option<string?>("--urls") { Description = $"With --serve: addresses to listen on (default {ServeCommand.DefaultUrls})" };
        var command = new Command("demo", "Import the flights, push the demo models, run the nightly job and a rerun with v2, and summarize")
        {
            rows, fresh, serve, urls,
        };
        command.SetGuardedAction((parse, ct) => RunAsync(parse.GetValue(rows), parse.GetValue(fresh), parse.GetValue(serve), parse.GetValue(urls), ct));
        return command;
    }

    private static async Task<int> RunAsync(long? rows, bool fresh, bool serve, string? urls, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var dataFile = FlightDataLocation.Find()
            ?? throw new BatchPredictException($"The flights data ({FlightDataLocation.RelativePath}) was not found in {Directory.GetCurrentDirectory()}, beside the executable or above them; run the demo from the repository.");
        var environment = AppConfiguration.EnvironmentName();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddBatchPredictSources(environment, []);
        // The progress bars and the summary say what the Information logs would; they would also tear the bars.
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        await using var mongo = await MongoEndpoint.ResolveAsync(builder.Configuration, Console.Error, ct);
        var started = clock.Elapsed;
        var settings = new DemoSettings(dataFile, ModelsFolder(mongo), rows, fresh);
        AnsiConsole.MarkupLine($"flights: {Markup.Escape(dataFile)}; demo models cached in {Markup.Escape(settings.ModelsFolder)}; server ready in {started.TotalSeconds:F1} s");

        DemoResult result;
        builder.AddBatchPredictMongo(mongo.ConnectionString);
        builder.AddBatchPredictDemo();
        using (var host = builder.Build())
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            result = await host.Services.GetRequiredService<DemoRunner>().RunAsync(settings, AnsiConsole.Console, ct);
        }

        DemoSummary.Write(AnsiConsole.Console, result);
        if (!serve)
        {
            // Plain Console: Spectre would wrap a long line at the terminal width, and this one must stay whole.
            Console.Out.WriteLine(result.FinalLine(clock.Elapsed));
            return 0;
        }

        await using var app = await ServeCommand.StartAsync(ServeCommand.CreateBuilder(urls), mongo, ct);
        Console.Out.WriteLine(result.FinalLine(clock.Elapsed) + "; serving until Ctrl+C");
        await ServeCommand.WaitForShutdownAsync(app, ct);
        return 0;
    }

    /// <summary>Beside the embedded server's data folder; with a configured MongoDB, beside the default one.</summary>
    private static string ModelsFolder(MongoEndpoint mongo)
    {
        var data = mongo.DataPath ?? MongoEndpoint.DefaultDataPath;
        return Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(data)) ?? data, ModelsFolderName);
    }
}
