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

/// <summary>The flights of one calendar month (UTC) holding the predictions of one run (null: not scored).</summary>
public sealed record MonthlyFlights(DateTime Month, string? RunId, long Flights, DateTime First, DateTime Last, long Late, long Caught, long Flagged);

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

    /// <summary>Per calendar month and run id, in one pass on the server: flights, first and last date, late, caught, flagged.</summary>
    public async Task<IReadOnlyList<MonthlyFlights>> MonthlyAsync(CancellationToken ct)
    {
        var key = new BsonDocument
        {
            { "year", new BsonDocument("$year", "$date") },
            { "month", new BsonDocument("$month", "$date") },
            { "runId", "$prediction.runId" },
        };
        var pipeline = new[]
        {
            new BsonDocument("$match", new BsonDocument("date", new BsonDocument("$type", "date"))),
            Group(key, new BsonDocument { { "first", new BsonDocument("$min", "$date") }, { "last", new BsonDocument("$max", "$date") } }),
        };
        var groups = await _flights.Aggregate<BsonDocument>(pipeline, cancellationToken: ct).ToListAsync(ct);
        return groups.Select(g => new MonthlyFlights(
                new DateTime(g["_id"]["year"].ToInt32(), g["_id"]["month"].ToInt32(), 1, 0, 0, 0, DateTimeKind.Utc),
                g["_id"].AsBsonDocument.GetValue("runId", BsonNull.Value) is BsonString run ? run.Value : null,
                g["flights"].ToInt64(), g["first"].ToUniversalTime(), g["last"].ToUniversalTime(),
                g["late"].ToInt64(), g["caught"].ToInt64(), g["flagged"].ToInt64()))
            .OrderBy(m => m.Month).ThenBy(m => m.RunId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Per run id of the predictions found under <paramref name="filter"/>: scored, late, caught, flagged.</summary>
    public async Task<IReadOnlyList<LateFlightsCaught>> LateFlightsCaughtAsync(BsonDocument filter, string scope, CancellationToken ct)
    {
        var pipeline = new[]
        {
            new BsonDocument("$match", new BsonDocument(filter).Add("prediction.runId", new BsonDocument("$exists", true))),
            Group("$prediction.runId", new BsonDocument()),
        };
        var groups = await _flights.Aggregate<BsonDocument>(pipeline, cancellationToken: ct).ToListAsync(ct);
        return groups.Select(g => new LateFlightsCaught(g["_id"].AsString, scope, g["flights"].ToInt64(), g["late"].ToInt64(), g["caught"].ToInt64(), g["flagged"].ToInt64()))
            .OrderBy(g => g.RunId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Sums the monthly figures of one run (all months, or the months given).</summary>
    public static LateFlightsCaught Total(IEnumerable<MonthlyFlights> months, string runId, string scope)
    {
        var of = months.Where(m => m.RunId == runId).ToList();
        return new LateFlightsCaught(runId, scope, of.Sum(m => m.Flights), of.Sum(m => m.Late), of.Sum(m => m.Caught), of.Sum(m => m.Flagged));
    }

    /// <summary>$group by <paramref name="key"/> counting flights, late ones (delay >= 15), late ones flagged late, and flagged ones.</summary>
    private static BsonDocument Group(BsonValue key, BsonDocument extra)
    {
        var late = new BsonDocument("$gte", new BsonArray { "$delay", LateMinutes });
        var flagged = new BsonDocument("$eq", new BsonArray { "$prediction.label", true });
        var group = new BsonDocument
        {
            { "_id", key },
            { "flights", new BsonDocument("$sum", 1) },
            { "late", Count(late) },
            { "caught", Count(new BsonDocument("$and", new BsonArray { late, flagged })) },
            { "flagged", Count(flagged) },
        };
        group.AddRange(extra);
        return new BsonDocument("$group", group);
    }

    /// <summary>A few flights scored by the run among those of <paramref name="dateFilter"/> (the date index finds them):
    /// half of them late, half not, earliest first, with their real delay.</summary>
    public async Task<IReadOnlyList<SamplePrediction>> SamplesAsync(string runId, BsonDocument dateFilter, int count, CancellationToken ct)
    {
        var docs = new List<BsonDocument>();
        foreach (var delay in new[] { new BsonDocument("$gte", LateMinutes), new BsonDocument("$lt", LateMinutes) })
        {
            docs.AddRange(await _flights.Find(new BsonDocument(dateFilter) { { "prediction.runId", runId }, { "delay", delay } })
                .Sort(new BsonDocument { { "date", 1 }, { "_id", 1 } })
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
    public static BsonDocument DateFilter(DateTime start, DateTime end) =>
        new("date", new BsonDocument { { "$gte", start }, { "$lt", end } });
}
