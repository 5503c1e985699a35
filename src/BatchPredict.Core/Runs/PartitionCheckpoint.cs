using MongoDB.Bson;

namespace BatchPredict.Core.Runs;

/// <summary>What one written batch added to a partition; raised after its checkpoint is stored.</summary>
public sealed record PartitionCheckpoint(string RunId, int Partition, BsonValue LastId, RunCounts Batch);
