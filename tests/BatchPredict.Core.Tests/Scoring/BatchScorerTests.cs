using BatchPredict.Core.Jobs;
using BatchPredict.Core.Scoring;
using Microsoft.ML;
using MongoDB.Bson;

namespace BatchPredict.Core.Tests.Scoring;

public sealed class BatchScorerTests
{
    private static readonly FeatureMapping[] DemoFeatures =
    [
        new("Distance", "distance", FeatureType.Single, null, null, ValueRule.DeadLetter, ValueRule.DeadLetter),
        new("Hour", "date", FeatureType.Single, DatePart.Hour, null, ValueRule.DeadLetter, ValueRule.DeadLetter),
        new("Dow", "date", FeatureType.Single, DatePart.DayOfWeek, null, ValueRule.DeadLetter, ValueRule.DeadLetter),
        new("Month", "date", FeatureType.Single, DatePart.Month, null, ValueRule.DeadLetter, ValueRule.DeadLetter),
        new("Origin", "origin", FeatureType.String, null, null, ValueRule.DeadLetter, ValueRule.DeadLetter),
        new("Destination", "destination", FeatureType.String, null, null, ValueRule.DeadLetter, ValueRule.DeadLetter),
    ];

    private static ITransformer Load(byte[] bytes) => new MLContext().Model.Load(new MemoryStream(bytes), out _);

    private static FeatureBatch Flights(int count, int hourOffset = 0)
    {
        var batch = new FeatureBatch(DemoFeatures, count);
        var mapper = new FeatureMapper(DemoFeatures);
        for (var i = 0; i < count; i++)
        {
            mapper.Map(
                new BsonDocument
                {
                    { "_id", i },
                    { "distance", 200 + (i * 37 % 2500) },
                    { "date", new DateTime(2024, 1 + (i % 12), 1 + (i % 28), (i + hourOffset) % 24, 0, 0, DateTimeKind.Utc) },
                    { "origin", TinyFlightModel.Airports[i % 5] },
                    { "destination", TinyFlightModel.Airports[(i + 2) % 5] },
                },
                batch);
        }

        return batch;
    }

    [Fact]
    public void Score_DemoContractBatch_GivesLabelProbabilityAndScorePerRow()
    {
        var scorer = new BatchScorer(Load(TinyFlightModel.Version1), DemoFeatures, "tiny:1");
        var batch = Flights(48);
        var predictions = scorer.CreatePredictions(48);

        scorer.Score(batch, predictions);

        Assert.Equal(48, predictions.Count);
        Assert.True(scorer.HasLabel && scorer.HasProbability);
        Assert.Contains(true, predictions.Labels!);
        Assert.Contains(false, predictions.Labels!);
        Assert.All(predictions.Probabilities!, p => Assert.InRange(p, 0f, 1f));
        Assert.All(Enumerable.Range(0, 48), i => Assert.Equal(predictions.Scores[i] > 0, predictions.Labels![i]));
    }

    [Fact]
    public void Score_SameRowsInOneBatchOrOnManyThreads_GivesIdenticalResults()
    {
        var scorer = new BatchScorer(Load(TinyFlightModel.Version1), DemoFeatures, "tiny:1");
        var whole = scorer.CreatePredictions(200);
        scorer.Score(Flights(200), whole);

        var parallel = Enumerable.Range(0, 8).AsParallel().Select(_ =>
        {
            var p = scorer.CreatePredictions(200);
            scorer.Score(Flights(200), p);
            return p.Scores.ToArray();
        }).ToList();

        Assert.All(parallel, scores => Assert.Equal(whole.Scores, scores));
    }

    [Fact]
    public void Constructor_ModelMissingAJobColumn_NamesTheModel()
    {
        var features = DemoFeatures.Where(f => f.Column != "Origin").ToArray();

        var error = Assert.Throws<BatchPredictException>(() => new BatchScorer(Load(TinyFlightModel.Version1), features, "tiny:1"));

        Assert.Contains("tiny:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ColumnOfTheWrongType_IsRefused()
    {
        var features = DemoFeatures.Select(f => f.Column == "Distance" ? f with { Type = FeatureType.String } : f).ToArray();

        Assert.Throws<BatchPredictException>(() => new BatchScorer(Load(TinyFlightModel.Version1), features, "tiny:1"));
    }
}
