using BatchPredict.Core.Import;
using Spectre.Console;

namespace BatchPredict.Cli;

/// <summary>What <c>batchpredict import</c> shows: a progress bar while it runs, then a summary table.</summary>
internal static class ImportConsole
{
    public static async Task<ImportSummary> RunWithProgressAsync(
        string collection, Func<IProgress<ImportProgress>, CancellationToken, Task<ImportSummary>> import, CancellationToken ct)
    {
        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"[bold]{Markup.Escape(collection)}[/] starting", maxValue: 1);
                task.IsIndeterminate = true;
                var summary = await import(new TaskProgress(task, collection), ct);
                task.Value = task.MaxValue;
                task.StopTask();
                return summary;
            });
    }

    public static void WriteSummary(ImportSummary summary, string database)
    {
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("what").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("File", Markup.Escape($"{summary.File} ({summary.Format.ToString().ToLowerInvariant()})"));
        table.AddRow("Collection", Markup.Escape($"{database}.{summary.Collection}"));
        table.AddRow("Rows read", $"{summary.RowsRead:N0}");
        table.AddRow("Inserted", $"{summary.Inserted:N0}");
        table.AddRow("Bad rows", summary.BadRowCount == 0 ? "0" : $"[yellow]{summary.BadRowCount:N0}[/]");
        table.AddRow("Elapsed", $"{summary.Elapsed.TotalSeconds:N1} s");
        table.AddRow("Rows/s", $"{summary.RowsPerSecond:N0}");
        AnsiConsole.Write(table);

        if (summary.FirstBadRows.Count > 0)
        {
            var bad = new Table().Border(TableBorder.Simple).Title(summary.BadRowCount > summary.FirstBadRows.Count
                    ? $"first {summary.FirstBadRows.Count} of {summary.BadRowCount:N0} bad rows"
                    : "bad rows")
                .AddColumn("where").AddColumn("reason");
            foreach (var row in summary.FirstBadRows)
            {
                bad.AddRow(Markup.Escape($"{row.Unit} {row.Number}"), Markup.Escape(row.Reason));
            }

            AnsiConsole.Write(bad);
        }

        AnsiConsole.MarkupLine(summary.Cancelled
            ? $"[yellow]cancelled[/] after {summary.RowsRead:N0} rows: the {summary.Inserted:N0} documents inserted stay in {Markup.Escape(summary.Collection)}"
            : $"imported {summary.Inserted:N0} documents into {Markup.Escape(summary.Collection)}");
    }

    /// <summary>Updates the bar on the importer's thread, in order (Progress&lt;T&gt; would post updates out of order).</summary>
    private sealed class TaskProgress(ProgressTask task, string collection) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.TotalRows is { } total && task.IsIndeterminate)
            {
                task.IsIndeterminate = false;
                task.MaxValue = Math.Max(total, 1);
            }

            task.Description = $"[bold]{Markup.Escape(collection)}[/] {value.RowsRead:N0} rows, {value.RowsPerSecond:N0} rows/s";
            if (!task.IsIndeterminate)
            {
                task.Value = value.RowsRead;
            }
        }
    }
}
