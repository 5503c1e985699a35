using System.CommandLine;
using System.Diagnostics;
using BatchPredict.Demo;
using BatchPredict.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace BatchPredict.Cli;

/// <summary>
/// <c>batchpredict demo [--rows N] [--fresh] [--serve]</c>: the product's real job on the US DOT flights in one command
/// (see <see cref="DemoRunner"/>). The last line starts with "scored ".
/// </summary>
internal static class DemoCommand
{
    /// <param name="console">Where the demo writes; the terminal unless a test captures it.</param>
    /// <param name="configure">Extra configuration sources (tests point the demo at their own server, data and models).</param>
    public static Command Create(IAnsiConsole? console = null, Action<IConfigurationBuilder>? configure = null)
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
        command.SetGuardedAction((parse, ct) => RunAsync(
            console ?? AnsiConsole.Console, configure, parse.GetValue(rows), parse.GetValue(fresh), parse.GetValue(serve) ? parse.GetValue(urls) ?? "" : null, ct));
        return command;
    }

    /// <param name="serveUrls">null: stop after the summary; otherwise serve on these addresses ("" = the default).</param>
    private static async Task<int> RunAsync(IAnsiConsole console, Action<IConfigurationBuilder>? configure, long? rows, bool fresh, string? serveUrls, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        // The progress bars and the summary say what the Information logs would; the host keeps those off the console.
        await using var host = await CommandHost.StartAsync(builder => builder.AddBatchPredictDemo(), configure, ct);
        var options = host.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        var settings = new DemoSettings(options.ResolveDataFile(), options.ResolveModelsPath(host.Mongo.DataPath, MongoEndpoint.DefaultDataPath), rows, fresh);
        console.MarkupLine($"flights from {Markup.Escape(settings.DataFile)}; demo models cached in {Markup.Escape(settings.ModelsFolder)}; MongoDB ready after {clock.Elapsed.TotalSeconds:F1} s");
        var result = await host.Services.GetRequiredService<DemoRunner>().RunAsync(settings, console, ct);

        DemoSummary.Write(console, result);
        // Written around Spectre, which would wrap a long line at the terminal width; this one must stay whole.
        var last = console.Profile.Out.Writer;
        if (serveUrls is null)
        {
            await last.WriteLineAsync(result.FinalLine(clock.Elapsed));
            return 0;
        }

        await using var app = await ServeCommand.StartAsync(ServeCommand.CreateBuilder(serveUrls.Length == 0 ? null : serveUrls), host.Mongo, ct);
        await last.WriteLineAsync(result.FinalLine(clock.Elapsed) + "; serving until Ctrl+C");
        await ServeCommand.WaitForShutdownAsync(app, ct);
        return 0;
    }
}
