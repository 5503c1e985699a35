using BatchPredict.Core.Models;
using BatchPredict.Samples;

namespace BatchPredict.Core.Tests.Models;

/// <summary>The cached model is shared by every scorer: Transform over an IDataView must give the same answers on any number of threads.</summary>
public sealed class ConcurrentScoringTests
{
    private sealed class Prediction
    {
        public bool PredictedLabel { get; set; }

        public float Probability { get; set; }

        public float Score { get; set; }
    }

    private static List<(bool, float, float)> Score(LoadedModel model, IReadOnlyList<FlightDelayInput> rows)
    {
        // Each call gets its own data view and cursor; only the transformer is shared.
        var input = model.Context.Data.LoadFromEnumerable(rows);
        return model.Context.Data.CreateEnumerable<Prediction>(model.Transformer.Transform(input), reuseRowObject: false)
            .Select(p => (p.PredictedLabel, p.Probability, p.Score))
            .ToList();
    }

    [Fact]
    public async Task Transform_SameRowsOnOneAndEightThreads_IdenticalScores()
    {
        var bytes = TestModels.FlightDelayBytes;
        var (model, _) = ModelLoader.Load(TestModels.InfoFor(bytes), bytes, TestModels.DefaultLimits);
        var rows = TestModels.ScoringRows;

        var single = Score(model, rows);
        var parallel = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Score(model, rows))));
        var slices = await Task.WhenAll(rows.Chunk((rows.Count / 8) + 1).Select(slice => Task.Run(() => Score(model, slice))));

        Assert.True(single.Count > 1000);
        Assert.Contains(single, p => p.Item1);
        Assert.Contains(single, p => !p.Item1);
        Assert.All(parallel, scores => Assert.Equal(single, scores));
        Assert.Equal(single, slices.SelectMany(s => s).ToList());
    }
}
