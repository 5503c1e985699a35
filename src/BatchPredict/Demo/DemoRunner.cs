using System.Diagnostics;
using BatchPredict.Core;
using BatchPredict.Core.Runs;
using MongoDB.Driver;
using Spectre.Console;

namespace BatchPredict.Demo;

/// <summary>
/// The demo from end to end on whatever MongoDB the host talks to: import the flights (or reuse them), train and push
/// the demo models v1 and v2 (or reuse them), promote v1 to production, run the nightly job over every document, rerun
/// it with v2 for the data's last month, and read back how each model did. Each step says what it did and how long it took.
/// </summary>
public sealed class DemoRunner(IMongoDatabase database, DemoData data, DemoModels models, DemoReport report, InProcessRunner runner)
{
    /// <summary>Dropped by --fresh: the flights, the demo marker, runs, dead letters, run locks and the model registry
    /// (its collections as the team's contract names them).</summary>
    public static readonly string[] DemoCollections =
    [
        DemoSettings.FlightsCollection, DemoData.MarkerCollection, RunLedger.CollectionName, DeadLetterStore.CollectionName,
        RunLock.CollectionName, "bp_model_versions", "bp_model_aliases", "bp_models.files", "bp_models.chunks",
    ];

    private const int SamplesPerRun = 4;

    public async Task<DemoResult> RunAsync(DemoSettings settings, IAnsiConsole console, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var steps = new List<DemoStep>();
        if (settings.Fresh)
        {
            await Step(steps, console, "fresh start", async () =>
            {
                foreach (var name in DemoCollections)
                {
                    await database.DropCollectionAsync(name, ct);
                }

                return $"dropped {string.Join(", ", DemoCollections)}";
            });
        }

        var documents = 0L;
        await Step(steps, console, "import flights", async () =>
        {
            if (await data.FindImportedAsync(settings, ct) is { } imported)
            {
                await data.EnsureDateIndexAsync(ct);
                documents = imported;
                return $"reused: {imported:N0} documents already imported into '{DemoSettings.FlightsCollection}' (--fresh starts over)";
            }

            var summary = await DemoConsole.ImportAsync(console, (progress, token) => data.ImportAsync(settings, progress, token), ct);
            documents = summary.Inserted;
            return $"imported {summary.Inserted:N0} documents from {Path.GetFileName(settings.DataFile)} at {summary.RowsPerSecond:N0} rows/s, {summary.BadRowCount:N0} bad rows";
        });

        await Step(steps, console, "train models", async () =>
        {
            if (DemoModels.AreTrained(settings.ModelsFolder))
            {
                return $"reused: demo models v1 and v2 cached in {settings.ModelsFolder}";
            }

            await DemoModels.TrainAsync(settings, new ConsoleLineWriter(console), ct);
            return $"trained v1 and v2 with samples' FlightDelayTraining, cached in {settings.ModelsFolder}";
        });

        IReadOnlyList<DemoModel> registered = [];
        await Step(steps, console, "register models", async () =>
        {
            registered = await models.RegisterAsync(settings.ModelsFolder, ct);
            var promoted = await models.PromoteAsync(registered[0], ct);
            var said = registered.Select(m => m.Pushed
                ? $"pushed v{m.DemoVersion} as {m.Registered}"
                : $"reused {m.Registered} (same sha256 already registered)");
            return $"{string.Join("; ", said)}; production -> {registered[0].Registered}{(promoted ? " (promoted)" : " (already)")}";
        });

        RunRecord nightly = null!;
        await Step(steps, console, "nightly run", async () =>
        {
            nightly = await RunAsync(console, new RunRequest(DemoSettings.JobName, DemoSettings.Trigger), ct);
            return $"{nightly.Id}: {nightly.Counts.Scored:N0} scored with {nightly.Model} at {nightly.RowsPerSecond:N0} rows/s";
        });

        (DateTime Start, DateTime End) month = default;
        IReadOnlyList<MonthlyFlights> monthly = [];
        var caught = new List<LateFlightsCaught>();
        await Step(steps, console, "flights per month", async () =>
        {
            monthly = await report.MonthlyAsync(ct);
            month = DemoData.PickMonth(monthly);
            caught.Add(DemoReport.Total(monthly, nightly.Id, "all"));
            caught.Add(DemoReport.Total(monthly.Where(m => m.Month == month.Start), nightly.Id, $"{month.Start:yyyy-MM}"));
            return $"flights from {monthly.Min(m => m.First):yyyy-MM-dd HH:mm} to {monthly.Max(m => m.Last):yyyy-MM-dd HH:mm} UTC over "
                + $"{monthly.Select(m => m.Month).Distinct().Count()} month(s); the rerun takes {month.Start:yyyy-MM} "
                + $"({monthly.Where(m => m.Month == month.Start).Sum(m => m.Flights):N0} flights); one aggregation";
        });

        RunRecord rerun = null!;
        var v2 = registered[1].Registered;
        await Step(steps, console, "rerun v2 for a month", async () =>
        {
            rerun = await RunAsync(console, new RunRequest(DemoSettings.JobName, DemoSettings.Trigger, v2.Version, DemoReport.DateFilter(month.Start, month.End)), ct);
            return $"{rerun.Id}: {rerun.Counts.Scored:N0} scored with {rerun.Model} at {rerun.RowsPerSecond:N0} rows/s";
        });

        var samples = new List<SamplePrediction>();
        await Step(steps, console, "read back", async () =>
        {
            var monthFilter = DemoReport.DateFilter(month.Start, month.End);
            caught.AddRange((await report.LateFlightsCaughtAsync(monthFilter, $"{month.Start:yyyy-MM}", ct)).Where(c => c.RunId == rerun.Id));
            var first = monthly.Min(m => m.First);
            var firstInMonth = monthly.Where(m => m.Month == month.Start).Min(m => m.First);
            samples.AddRange(await report.SamplesAsync(nightly.Id, DemoReport.DateFilter(first, first.AddDays(1)), SamplesPerRun, ct));
            samples.AddRange(await report.SamplesAsync(rerun.Id, DemoReport.DateFilter(firstInMonth, firstInMonth.AddDays(1)), SamplesPerRun, ct));
            return "late flights caught by the rerun and sample predictions, through the date index";
        });

        return new DemoResult(documents, registered, nightly, rerun, month, caught, samples, steps, total.Elapsed);
    }

    private async Task<RunRecord> RunAsync(IAnsiConsole console, RunRequest request, CancellationToken ct)
    {
        var start = await DemoConsole.RunAsync(console, runner, request, ct);
        if (!start.Started)
        {
            throw new BatchPredictException(
                $"Job '{request.Job}' is already running as run {start.Run.Id} (started {start.Run.CreatedAt:u}); wait for it to finish, or start over with --fresh.");
        }

        if (start.Run.Status != RunStatus.Succeeded)
        {
            throw new BatchPredictException($"Run {start.Run.Id} of job '{request.Job}' ended {start.Run.Status}: {start.Run.Error}");
        }

        return start.Run;
    }

    private static async Task Step(List<DemoStep> steps, IAnsiConsole console, string name, Func<Task<string>> action)
    {
        console.MarkupLine($"[bold]» {Markup.Escape(name)}[/]");
        var watch = Stopwatch.StartNew();
        var outcome = await action();
        steps.Add(new DemoStep(name, watch.Elapsed, outcome));
        console.MarkupLine($"  {Markup.Escape(outcome)} [grey]({watch.Elapsed.TotalSeconds:F1} s)[/]");
    }
}
