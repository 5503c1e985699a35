using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Demo;

/// <summary>How one run's predictions did against the real delays, on the documents it scored (and that still hold its prediction).</summary>
public sealed record LateFlightsCaught(string RunId, string Scope, long Scored, long Late, long Caught, long Flagged)
{
    /// <summary>Share of the late flights (delay >= 15) that the model flagged as late.</summary>
    public double Recall => Late == 0 ? 0 : (double)Caught / Late;

    /// <summary>Share of the flights flagged late that were late.</summary>
    public double Precision => Flagged == 0 ? 0 : (double)Caught / Flagged;
}

/// <summary>A scored flight beside its real delay.</summary>
public sealed record SamplePrediction(DateTime Date, string Route, long Delay, bool Predicted, double Probability, int ModelVersion);

/// <summary>
/// The demo's read-back, computed by the server: late flights caught per run (one aggregation with conditional sums) and
/// a few sample predictions.
/// </summary>
public sealed class DemoReport(IMongoDatabase database)
{
    /// <summary>A flight is late from this many minutes of arrival delay (the demo model contract's label).</summary>
    public const int LateMinutes = 15;

    private readonly IMongoCollection<BsonDocument> _flights = database.GetCollection<BsonDocument>(DemoSettings.FlightsCollection);

    /// <summary>Per run id of the predictions found under <paramref name="filter"/>: scored, late, caught, flagged.</summary>
    public async Task<IReadOnlyList<LateFlightsCaught>> LateFlightsCaughtAsync(BsonDocument filter, string scope, CancellationToken ct)
    {
        var late = new BsonDocument("$gte", new BsonArray { "$delay", LateMinutes });
        var flagged = new BsonDocument("$eq", new BsonArray { "$prediction.label", true });
        var pipeline = new[]
        {
            new BsonDocument("$match", new BsonDocument(filter).Add("prediction.runId", new BsonDocument("$exists", true))),
            new BsonDocument("$group", new BsonDocument
            {
                { "_id", "$prediction.runId" },
                { "scored", new BsonDocument("$sum", 1) },
                { "late", Count(late) },
                { "caught", Count(new BsonDocument("$and", new BsonArray { late, flagged })) },
                { "flagged", Count(flagged) },
            }),
        };
        var groups = await _flights.Aggregate<BsonDocument>(pipeline, cancellationToken: ct).ToListAsync(ct);
        return groups.Select(g => new LateFlightsCaught(g["_id"].AsString, scope, g["scored"].ToInt64(), g["late"].ToInt64(), g["caught"].ToInt64(), g["flagged"].ToInt64()))
            .OrderBy(g => g.RunId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A few flights scored by the run (first in _id order): half of them late, half not, with their real delay.</summary>
    public async Task<IReadOnlyList<SamplePrediction>> SamplesAsync(string runId, int count, CancellationToken ct)
    {
        var docs = new List<BsonDocument>();
        foreach (var delay in new[] { new BsonDocument("$gte", LateMinutes), new BsonDocument("$lt", LateMinutes) })
        {
            docs.AddRange(await _flights.Find(new BsonDocument { { "prediction.runId", runId }, { "delay", delay } })
                .Sort(new BsonDocument("_id", 1))
                .Limit(count / 2)
                .ToListAsync(ct));
        }

        return docs.Select(d => new SamplePrediction(
            d["date"].ToUniversalTime(),
            $"{d["origin"].AsString}→{d["destination"].AsString}",
            d["delay"].ToInt64(),
            d["prediction"]["label"].ToBoolean(),
            d["prediction"]["probability"].ToDouble(),
            d["prediction"]["model"]["version"].ToInt32())).ToList();
    }

    private static BsonDocument Count(BsonDocument condition) =>
        new("$sum", new BsonDocument("$cond", new BsonArray { condition, 1, 0 }));

    /// <summary>The filter of flights dated in [start, end).</summary>
    public static BsonDocument MonthFilter(DateTime start, DateTime end) =>
        new("date", new BsonDocument { { "$gte", start }, { "$lt", end } });
}
