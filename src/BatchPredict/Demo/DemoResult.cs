using BatchPredict.Core.Runs;

namespace BatchPredict.Demo;

/// <summary>Everything the demo's summary shows: the steps, both runs, the models, late flights caught and sample predictions.</summary>
public sealed record DemoResult(
    long Documents,
    IReadOnlyList<DemoModel> Models,
    RunRecord Nightly,
    RunRecord Rerun,
    (DateTime Start, DateTime End) RerunMonth,
    IReadOnlyList<LateFlightsCaught> Caught,
    IReadOnlyList<SamplePrediction> Samples,
    IReadOnlyList<DemoStep> Steps,
    TimeSpan Elapsed)
{
    /// <summary>The demo's last line: what was scored, by which model version, in how long (<paramref name="total"/>:
    /// the whole command, server start included).</summary>
    public string FinalLine(TimeSpan total) =>
        $"scored {Nightly.Counts.Scored} documents (nightly v{Nightly.Model.Version}) + {Rerun.Counts.Scored} (rerun v{Rerun.Model.Version}) in {total.TotalSeconds:F0} s";
}
