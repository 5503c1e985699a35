using System.Diagnostics;
using BatchPredict.Core.Import;
using BatchPredict.Core.Runs;
using Spectre.Console;

namespace BatchPredict.Demo;

/// <summary>The demo's progress bars: the import (rows, rows/s) and each run (documents read of planned, rows/s).</summary>
internal static class DemoConsole
{
    public static Task<ImportSummary> ImportAsync(
        IAnsiConsole console, Func<IProgress<ImportProgress>, CancellationToken, Task<ImportSummary>> import, CancellationToken ct) =>
        Bar(console).StartAsync(async context =>
        {
            var task = context.AddTask("import starting", maxValue: 1);
            var summary = await import(new ImportBar(task), ct);
            task.Value = task.MaxValue;
            return summary;
        });

    public static Task<RunStart> RunAsync(IAnsiConsole console, InProcessRunner runner, RunRequest request, CancellationToken ct) =>
        Bar(console).StartAsync(async context =>
        {
            var task = context.AddTask(Markup.Escape(request.Job), maxValue: 1);
            var clock = Stopwatch.StartNew();
            long read = 0;
            long planned = 1;
            var label = request.Job;
            var start = await runner.RunAsync(
                request,
                run =>
                {
                    planned = Math.Max(1, run.Planned);
                    task.MaxValue = planned;
                    label = $"{request.Job} v{run.Model.Version}";
                    task.Description = Markup.Escape($"{label} 0/{run.Planned:N0}");
                },
                checkpoint =>
                {
                    // Partitions report from their own threads.
                    var now = Interlocked.Add(ref read, checkpoint.Batch.Read);
                    task.Value = Math.Min(now, planned);
                    task.Description = Markup.Escape($"{label} {now:N0}/{planned:N0} · {now / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0} rows/s");
                },
                ct);
            task.Value = task.MaxValue;
            return start;
        });

    private static Progress Bar(IAnsiConsole console) => console.Progress()
        .AutoClear(false)
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn());

    /// <summary>Updates the bar on the importer's thread, in order (Progress&lt;T&gt; would post updates out of order).</summary>
    private sealed class ImportBar(ProgressTask task) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.TotalRows is { } total && task.MaxValue <= 1)
            {
                task.MaxValue = Math.Max(total, 1);
            }

            task.Description = $"{DemoSettings.FlightsCollection} {value.RowsRead:N0} rows · {value.RowsPerSecond:N0} rows/s";
            task.Value = Math.Min(value.RowsRead, task.MaxValue);
        }
    }
}
