using BatchPredict.Core.Jobs;
using MongoDB.Bson;

namespace BatchPredict.Core.Scoring;

/// <summary>
/// One batch of mapped documents in columns (one typed array per model input column), reused batch after batch so a
/// partition's memory stays flat. Row i of every column belongs to document <see cref="Ids"/>[i].
/// </summary>
public sealed class FeatureBatch
{
    public FeatureBatch(IReadOnlyList<FeatureMapping> features, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Features = features;
        Capacity = capacity;
        Ids = new BsonValue[capacity];
        Columns = features.Select(f => f.Type switch
        {
            FeatureType.Single => (Array)new float[capacity],
            FeatureType.String => new string[capacity],
            _ => new bool[capacity],
        }).ToArray();
    }

    public IReadOnlyList<FeatureMapping> Features { get; }

    public int Capacity { get; }

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    public BsonValue[] Ids { get; }

    /// <summary>float[] for Single, string[] for String, bool[] for Boolean, in the order of <see cref="Features"/>.</summary>
    public IReadOnlyList<Array> Columns { get; }

    public float[] Singles(int column) => (float[])Columns[column];

    public string[] Strings(int column) => (string[])Columns[column];

    public bool[] Booleans(int column) => (bool[])Columns[column];

    /// <summary>Makes the row filled at index <see cref="Count"/> part of the batch.</summary>
    internal void Commit(BsonValue id)
    {
        Ids[Count] = id;
        Count++;
    }

    public void Clear()
    {
        Array.Clear(Ids, 0, Count);
        Count = 0;
    }
}
