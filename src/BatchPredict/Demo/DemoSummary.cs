using BatchPredict.Core.Runs;
using Spectre.Console;

namespace BatchPredict.Demo;

/// <summary>The demo's summary tables: steps, runs with their model lineage, late flights caught, sample predictions.</summary>
internal static class DemoSummary
{
    public static void Write(IAnsiConsole console, DemoResult result)
    {
        var steps = new Table().Title("[bold]steps[/]").AddColumn("step").AddColumn(new TableColumn("time").RightAligned());
        foreach (var step in result.Steps)
        {
            steps.AddRow(Markup.Escape(step.Name), $"{step.Elapsed.TotalSeconds:F1} s");
        }

        steps.AddRow("[bold]demo[/]", $"[bold]{result.Elapsed.TotalSeconds:F1} s[/]");
        console.Write(steps);

        // One column per run, so the long run ids and hashes fit an 80-column terminal.
        var runs = new Table().Title("[bold]runs of job flight-delay (model lineage)[/]")
            .AddColumn("").AddColumn("nightly").AddColumn("rerun");
        var (n, r) = (result.Nightly, result.Rerun);
        runs.AddRow("run id", Markup.Escape(n.Id), Markup.Escape(r.Id));
        runs.AddRow("model", Markup.Escape($"{n.Model.Name}:{n.Model.Version} ({n.ModelReference})"), Markup.Escape($"{r.Model.Name}:{r.Model.Version} ({r.ModelReference})"));
        runs.AddRow("sha256", Markup.Escape(Prefix(n.Model.Sha256)), Markup.Escape(Prefix(r.Model.Sha256)));
        runs.AddRow("flights", "all", $"{result.RerunMonth.Start:yyyy-MM}");
        runs.AddRow("scored", $"{n.Counts.Scored:N0}", $"{r.Counts.Scored:N0}");
        runs.AddRow("rows/s", $"{n.RowsPerSecond:N0}", $"{r.RowsPerSecond:N0}");
        runs.AddRow("dead letters", DeadLetters(n), DeadLetters(r));
        runs.AddRow("status", n.Status.ToString(), r.Status.ToString());
        console.Write(runs);

        var caught = new Table().Title($"[bold]late flights (delay >= {DemoReport.LateMinutes} min) caught[/]")
            .AddColumns("model", "flights")
            .AddColumn(new TableColumn("scored").RightAligned())
            .AddColumn(new TableColumn("late").RightAligned())
            .AddColumn(new TableColumn("caught").RightAligned())
            .AddColumn(new TableColumn("recall").RightAligned())
            .AddColumn(new TableColumn("precision").RightAligned());
        foreach (var c in result.Caught)
        {
            var run = c.RunId == result.Rerun.Id ? result.Rerun : result.Nightly;
            caught.AddRow(
                Markup.Escape($"{run.Model.Name}:{run.Model.Version}"), Markup.Escape(c.Scope), $"{c.Scored:N0}", $"{c.Late:N0}", $"{c.Caught:N0}",
                $"{c.Recall:P1}", $"{c.Precision:P1}");
        }

        console.Write(caught);

        var samples = new Table().Title("[bold]sample predictions beside the real delays[/]")
            .AddColumns("date (UTC)", "route")
            .AddColumn(new TableColumn("real delay").RightAligned())
            .AddColumn("predicted")
            .AddColumn(new TableColumn("P(late)").RightAligned())
            .AddColumn("model");
        foreach (var s in result.Samples)
        {
            var late = s.Delay >= DemoReport.LateMinutes;
            var color = s.Predicted == late ? "green" : "yellow";
            samples.AddRow(
                $"{s.Date:yyyy-MM-dd HH:mm}", Markup.Escape(s.Route), $"{s.Delay} min{(late ? " late" : "")}",
                $"[{color}]{(s.Predicted ? "late" : "on time")}[/]", $"{s.Probability:F3}", $"v{s.ModelVersion}");
        }

        console.Write(samples);
    }

    private static string Prefix(string sha256) => sha256[..Math.Min(12, sha256.Length)];

    private static string DeadLetters(RunRecord run) =>
        run.Counts.DeadLettered == 0 ? "0" : $"[yellow]{run.Counts.DeadLettered:N0}[/]";
}
