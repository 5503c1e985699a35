using System.CommandLine;
using BatchPredict.Hosting;
using Spectre.Console;

namespace BatchPredict.Cli;

/// <summary><c>batchpredict serve [--urls URL]</c>: Hangfire server, dashboard, health endpoint and runs API until Ctrl+C.</summary>
internal static class ServeCommand
{
    /// <summary>Loopback only unless configured otherwise (urls in appsettings, ASPNETCORE_URLS or --urls).</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Addresses to listen on (default {DefaultUrls})" };
        var command = new Command("serve", "Run the Hangfire server with the dashboard at /hangfire, /health and the runs HTTP API") { urls };
        command.SetGuardedAction(async (parse, ct) =>
        {
            var environment = AppConfiguration.EnvironmentName();
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddBatchPredictSources(environment, []);
            builder.WebHost.UseUrls(parse.GetValue(urls) ?? builder.Configuration["urls"] ?? DefaultUrls);
            await using var mongo = await MongoEndpoint.ResolveAsync(builder.Configuration, Console.Error, ct);
            await using var app = ServeApp.Build(builder, mongo.ConnectionString);
            await app.StartAsync(ct);
            foreach (var address in app.Urls)
            {
                AnsiConsole.MarkupLine($"dashboard [link]{Markup.Escape(address.TrimEnd('/') + ServeApp.DashboardPath)}[/], health {Markup.Escape(address.TrimEnd('/'))}/health");
            }

            try
            {
                await app.WaitForShutdownAsync(ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C is the normal way to stop serving.
            }

            await app.StopAsync(CancellationToken.None);
            return 0;
        });
        return command;
    }
}
