using System.CommandLine;
using BatchPredict.Core.Jobs;
using BatchPredict.Core.Models;
using BatchPredict.Core.Runs;
using BatchPredict.Core.Runs.Scheduling;
using BatchPredict.Hosting;
using MongoDB.Bson;
using Spectre.Console;

namespace BatchPredict.Cli;

/// <summary><c>jobs list</c> and <c>jobs run &lt;name&gt; [--model-version V] [--filter JSON] [--wait]</c>.</summary>
internal static class JobsCommand
{
    public static Command Create() => new("jobs", "Scoring jobs declared in jobs/*.json") { List(), Run() };

    private static Command List()
    {
        var command = new Command("list", "Validate and list the jobs of the jobs folder");
        command.SetGuardedAction((parse, ct) =>
        {
            var catalog = LoadCatalog();
            var table = new Table().AddColumns("job", "reads -> writes", "model", "schedule", "batch x partitions");
            var now = DateTimeOffset.UtcNow;
            foreach (var job in catalog.Jobs.OrderBy(j => j.Name, StringComparer.Ordinal))
            {
                var schedule = job.Schedule is { } s
                    ? $"{s.Cron} {s.TimeZone.Id}\nnext {CronSchedule.Next(s, now)?.UtcDateTime:yyyy-MM-dd HH:mm} UTC"
                    : "on demand";
                var source = job.Source.Collection + (job.Source.Filter.ElementCount > 0 ? " " + job.Source.Filter.ToJson() : "");
                var output = (job.Output.Collection ?? job.Source.Collection) + "." + job.Output.Field;
                table.AddRow(
                    Markup.Escape(job.Name),
                    Markup.Escape($"{source}\n-> {output}"),
                    Markup.Escape(job.Model.ToString()),
                    Markup.Escape(schedule),
                    Markup.Escape($"{job.BatchSize:N0} x {job.Partitions}{(job.Incremental.Enabled ? "\nincremental" : "")}"));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"{catalog.Jobs.Count} job(s) in {Markup.Escape(catalog.Directory)}");
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command Run()
    {
        var name = new Argument<string>("name") { Description = "The job's name" };
        var version = new Option<int?>("--model-version") { Description = "Score with this exact model version instead of the job's model reference" };
        var filter = new Option<string?>("--filter") { Description = "MongoDB query (extended JSON) replacing the job's source filter" };
        var wait = new Option<bool>("--wait") { Description = "Run here, now, with a progress bar, instead of queueing it for the Hangfire servers" };
        var command = new Command("run", "Start a run of a job") { name, version, filter, wait };
        command.SetGuardedAction(async (parse, ct) =>
        {
            var request = new RunRequest(parse.GetValue(name)!, "cli", parse.GetValue(version), ParseFilter(parse.GetValue(filter)));
            await using var host = await CommandHost.StartAsync(builder => builder.AddModelRegistry().AddBatchPredictRuns(), null, ct);
            if (parse.GetValue(wait))
            {
                return await RunProgress.RunAsync(host.Services.GetRequiredService<InProcessRunner>(), request, ct);
            }

            var start = await host.Services.GetRequiredService<RunLauncher>().LaunchAsync(request, ct);
            AnsiConsole.MarkupLine(start.Started
                ? $"run [bold]{Markup.Escape(start.Run.Id)}[/] queued: {start.Run.Planned:N0} documents in {start.Run.Partitions.Count} partition(s) for the Hangfire servers (batchpredict serve)"
                : $"job {Markup.Escape(request.Job)} is already running: run [bold]{Markup.Escape(start.Run.Id)}[/]");
            if (start.Started && host.Mongo.IsEmbedded)
            {
                AnsiConsole.MarkupLine("[yellow]note:[/] no MongoDB is configured, so only a serve process on this embedded database can execute it; use --wait to run it here");
            }

            return 0;
        });
        return command;
    }

    private static BsonDocument? ParseFilter(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return BsonDocument.Parse(json);
        }
        catch (Exception e) when (e is FormatException or BsonException)
        {
            throw new Core.BatchPredictException($"--filter is not a MongoDB query in extended JSON: {e.Message}");
        }
    }

    /// <summary>The catalog alone needs no database: options bound from the same configuration sources as every command.</summary>
    private static JobCatalog LoadCatalog()
    {
        var configuration = new ConfigurationBuilder();
        configuration.AddBatchPredictSources(AppConfiguration.EnvironmentName());
        var options = new JobsOptions();
        configuration.Build().GetSection(JobsOptions.Section).Bind(options);
        return JobCatalog.Load(options.ResolveDirectory());
    }
}
