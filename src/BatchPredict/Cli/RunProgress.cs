using System.Diagnostics;
using BatchPredict.Core.Runs;
using Spectre.Console;

namespace BatchPredict.Cli;

/// <summary>Runs a job in this process with a progress bar (documents read of planned, rows/s) and prints the run.</summary>
internal static class RunProgress
{
    public static async Task<int> RunAsync(InProcessRunner runner, RunRequest request, CancellationToken ct)
    {
        RunStart? result = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(request.Job), maxValue: 1);
                var clock = Stopwatch.StartNew();
                long read = 0;
                long planned = 1;
                result = await runner.RunAsync(
                    request,
                    run =>
                    {
                        planned = Math.Max(1, run.Planned);
                        task.MaxValue = planned;
                        task.Description = Markup.Escape($"{run.Id} · model {run.Model}");
                    },
                    checkpoint =>
                    {
                        var now = Interlocked.Add(ref read, checkpoint.Batch.Read);
                        task.Value = Math.Min(now, planned);
                        task.Description = Markup.Escape($"{request.Job} {now:N0}/{planned:N0} · {now / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0} rows/s");
                    },
                    ct);
                task.Value = task.MaxValue;
            });

        var start = result!;
        if (!start.Started)
        {
            AnsiConsole.MarkupLine($"job {Markup.Escape(request.Job)} is already running: run [bold]{Markup.Escape(start.Run.Id)}[/] (runs show {Markup.Escape(start.Run.Id)})");
            return 0;
        }

        RunsCommand.Print(RunView.From(start.Run, DateTime.UtcNow));
        return start.Run.Status == RunStatus.Succeeded ? 0 : GuardedAction.Failed;
    }
}
