using MongoDB.Bson;

namespace BatchPredict.Core.Runs;

/// <summary>A request to run a job now. <paramref name="ModelVersion"/> overrides the job's model reference with an
/// exact version; <paramref name="Filter"/> replaces the job's source filter.</summary>
public sealed record RunRequest(string Job, string Trigger, int? ModelVersion = null, BsonDocument? Filter = null);

/// <summary>The run a request led to: a new one (<see cref="Started"/>), or the job's run already in progress.</summary>
public sealed record RunStart(RunRecord Run, bool Started);
