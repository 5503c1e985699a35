using System.CommandLine;
using BatchPredict.Hosting;
using Spectre.Console;

namespace BatchPredict.Cli;

/// <summary><c>batchpredict serve [--urls URL]</c>: Hangfire server, dashboard, health endpoint and runs API until Ctrl+C.</summary>
internal static class ServeCommand
{
    /// <summary>Loopback only unless configured otherwise: --urls, then "urls" (appsettings or environment), then ASPNETCORE_URLS.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Addresses to listen on (default {DefaultUrls})" };
        var command = new Command("serve", "Run the Hangfire server with the dashboard at /hangfire, /health and the runs HTTP API") { urls };
        command.SetGuardedAction(async (parse, ct) =>
        {
            var builder = CreateBuilder(parse.GetValue(urls));
            await using var mongo = await MongoEndpoint.ResolveAsync(builder.Configuration, Console.Error, ct);
            await using var app = await StartAsync(builder, mongo, ct);
            await WaitForShutdownAsync(app, ct);
            return 0;
        });
        return command;
    }

    /// <summary>The serve host's builder: the configuration sources of every command and the addresses to listen on.</summary>
    public static WebApplicationBuilder CreateBuilder(string? urls)
    {
        var builder = WebApplication.CreateBuilder(AppConfiguration.WebOptions());
        builder.AddBatchPredictConfiguration(null);
        builder.WebHost.UseUrls(urls ?? builder.Configuration["urls"] ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? DefaultUrls);
        return builder;
    }

    /// <summary>Builds and starts the serve app on <paramref name="mongo"/> and prints the dashboard and health addresses.</summary>
    public static async Task<WebApplication> StartAsync(WebApplicationBuilder builder, MongoEndpoint mongo, CancellationToken ct)
    {
        var app = ServeApp.Build(builder, mongo.ConnectionString);
        try
        {
            app.Services.ValidateOptionsBeforeStart();
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        foreach (var address in app.Urls)
        {
            AnsiConsole.MarkupLine($"dashboard [link]{Markup.Escape(address.TrimEnd('/') + ServeApp.DashboardPath)}[/], health {Markup.Escape(address.TrimEnd('/'))}/health");
        }

        return app;
    }

    /// <summary>Serves until Ctrl+C (or SIGTERM), then stops the Hangfire server and the web host.</summary>
    public static async Task WaitForShutdownAsync(WebApplication app, CancellationToken ct)
    {
        try
        {
            await app.WaitForShutdownAsync(ct);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C is the normal way to stop serving.
        }

        await app.StopAsync(CancellationToken.None);
    }
}
