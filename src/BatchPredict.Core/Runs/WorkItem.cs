using BatchPredict.Core.Scoring;
using MongoDB.Bson;

namespace BatchPredict.Core.Runs;

/// <summary>One batch travelling through a partition's stages; a fixed pool of them is recycled, so memory stays flat.</summary>
internal sealed class WorkItem(FeatureBatch features, Predictions predictions)
{
    public FeatureBatch Features { get; } = features;

    public Predictions Predictions { get; } = predictions;

    public List<DeadLetter> DeadLetters { get; } = [];

    public long Read { get; set; }

    public long Skipped { get; set; }

    /// <summary>The last _id read into this batch, mapped or not: the checkpoint once the batch is written.</summary>
    public BsonValue LastId { get; set; } = BsonNull.Value;

    public void Reset()
    {
        Features.Clear();
        Predictions.Count = 0;
        DeadLetters.Clear();
        Read = 0;
        Skipped = 0;
        LastId = BsonNull.Value;
    }
}
