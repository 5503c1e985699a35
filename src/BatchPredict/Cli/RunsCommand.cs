using System.CommandLine;
using BatchPredict.Core.Models;
using BatchPredict.Core.Runs;
using BatchPredict.Hosting;
using Spectre.Console;

namespace BatchPredict.Cli;

/// <summary><c>runs list [--job J] [--limit N]</c> and <c>runs show &lt;id&gt;</c>.</summary>
internal static class RunsCommand
{
    public static Command Create() => new("runs", "Runs recorded in bp_runs") { List(), Show() };

    public static void Print(RunView run)
    {
        var status = run.Status switch { "Succeeded" => "green", "Running" => "blue", _ => "red" };
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("run", Markup.Escape(run.Id));
        grid.AddRow("job", Markup.Escape($"{run.Job} ({run.Trigger}{(run.Incremental ? ", incremental" : "")})"));
        grid.AddRow("status", $"[{status}]{run.Status}[/]{(run.Error is { } e ? " " + Markup.Escape(e) : "")}");
        grid.AddRow("model", Markup.Escape($"{run.ModelReference} -> {run.Model.Name}:{run.Model.Version} sha256 {run.Model.Sha256}"));
        grid.AddRow("filter", Markup.Escape(run.Filter));
        grid.AddRow("documents", $"{run.Counts.Read:N0} read of {run.Planned:N0} planned ({run.Progress:P0}), {run.Counts.Scored:N0} scored, {run.Counts.Written:N0} written, {run.Counts.Skipped:N0} skipped, {run.Counts.DeadLettered:N0} dead-lettered");
        grid.AddRow("time", $"{run.CreatedAt:u} -> {(run.FinishedAt is { } f ? f.ToString("u") : "running")}, {run.RowsPerSecond:N0} rows/s");
        AnsiConsole.Write(grid);
        var partitions = new Table().AddColumns("partition", "status", "read", "planned", "executions", "checkpoint");
        foreach (var p in run.Partitions)
        {
            partitions.AddRow(p.Index.ToString(), p.Status, p.Read.ToString("N0"), p.Planned.ToString("N0"), p.Executions.ToString(), Markup.Escape(p.Checkpoint ?? "-"));
        }

        AnsiConsole.Write(partitions);
    }

    private static Command List()
    {
        var job = new Option<string?>("--job") { Description = "Only the runs of this job" };
        var limit = new Option<int>("--limit") { Description = "How many, latest first", DefaultValueFactory = _ => 20 };
        var command = new Command("list", "The latest runs") { job, limit };
        command.SetGuardedAction(async (parse, ct) =>
        {
            await using var host = await CommandHost.StartAsync(builder => builder.AddModelRegistry().AddBatchPredictRuns(), null, ct);
            var runs = await host.Services.GetRequiredService<RunLedger>().ListAsync(parse.GetValue(job), Math.Clamp(parse.GetValue(limit), 1, 1000), ct);
            var table = new Table().AddColumns("run", "status", "model", "read", "scored", "dead", "rows/s", "started (UTC)");
            foreach (var view in runs.Select(r => RunView.From(r, DateTime.UtcNow)))
            {
                table.AddRow(
                    Markup.Escape(view.Id), view.Status, Markup.Escape($"{view.Model.Name}:{view.Model.Version}"),
                    view.Counts.Read.ToString("N0"), view.Counts.Scored.ToString("N0"), view.Counts.DeadLettered.ToString("N0"),
                    view.RowsPerSecond.ToString("N0"), view.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss"));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "The run id (runs list)" };
        var command = new Command("show", "One run: status, counts, model lineage, partitions and its first dead letters") { id };
        command.SetGuardedAction(async (parse, ct) =>
        {
            await using var host = await CommandHost.StartAsync(builder => builder.AddModelRegistry().AddBatchPredictRuns(), null, ct);
            var run = await host.Services.GetRequiredService<RunLedger>().GetAsync(parse.GetValue(id)!, ct);
            Print(RunView.From(run, DateTime.UtcNow));
            var letters = await host.Services.GetRequiredService<DeadLetterStore>().ListAsync(run.Id, 10, ct);
            if (letters.Count > 0)
            {
                var table = new Table().AddColumns("document", "field", "reason");
                foreach (var l in letters)
                {
                    table.AddRow(Markup.Escape(l["documentId"].ToString()!), Markup.Escape(l["field"].AsString), Markup.Escape(l["reason"].AsString));
                }

                AnsiConsole.MarkupLine($"first {letters.Count} dead letter(s):");
                AnsiConsole.Write(table);
            }

            return 0;
        });
        return command;
    }
}
