using BatchPredict.Core;
using BatchPredict.Core.Import;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Demo;

/// <summary>
/// The demo's flights in MongoDB: imported once with the importer, then reused while the collection still holds what
/// the marker in <c>bp_demo</c> says was imported (same file, same row count).
/// </summary>
public sealed class DemoData(IMongoDatabase database, Importer importer)
{
    /// <summary>The demo's own bookkeeping: one marker document per imported collection.</summary>
    public const string MarkerCollection = "bp_demo";

    /// <summary>Rows per insert: every acknowledged insert waits for a journal fsync on the embedded server, so fewer,
    /// larger batches import the 3M flights much faster than the import command's default of 2,000.</summary>
    public const int ImportBatchSize = 10_000;

    private readonly IMongoCollection<BsonDocument> _markers = database.GetCollection<BsonDocument>(MarkerCollection);

    /// <summary>The imported documents already there for this file and row count, or null when an import is needed.</summary>
    public async Task<long?> FindImportedAsync(DemoSettings settings, CancellationToken ct)
    {
        var marker = await _markers.Find(Builders<BsonDocument>.Filter.Eq("_id", DemoSettings.FlightsCollection)).FirstOrDefaultAsync(ct);
        if (marker is null || marker["file"].AsString != Path.GetFileName(settings.DataFile)
            || (marker["rowsAsked"].IsBsonNull ? null : (long?)marker["rowsAsked"].ToInt64()) != settings.Rows)
        {
            return null;
        }

        var inserted = marker["inserted"].ToInt64();
        // The collection's metadata count: counting documents with an (empty) query would read all 3M of them.
        var count = await database.GetCollection<BsonDocument>(DemoSettings.FlightsCollection).EstimatedDocumentCountAsync(cancellationToken: ct);
        return count == inserted ? count : null;
    }

    /// <summary>Empties the collection and imports the file; the marker is written only once the import is complete.</summary>
    public async Task<ImportSummary> ImportAsync(DemoSettings settings, IProgress<ImportProgress> progress, CancellationToken ct)
    {
        await _markers.DeleteOneAsync(Builders<BsonDocument>.Filter.Eq("_id", DemoSettings.FlightsCollection), ct);
        var request = new ImportRequest(DemoSettings.FlightsCollection, settings.DataFile) { MaxRows = settings.Rows, Drop = true, BatchSize = ImportBatchSize };
        var summary = await importer.ImportAsync(request, progress, ct);
        if (summary.Cancelled)
        {
            throw new OperationCanceledException(ct);
        }

        await EnsureDateIndexAsync(ct);

        await _markers.InsertOneAsync(new BsonDocument
        {
            { "_id", DemoSettings.FlightsCollection },
            { "file", Path.GetFileName(settings.DataFile) },
            { "rowsAsked", settings.Rows is { } rows ? rows : BsonNull.Value },
            { "inserted", summary.Inserted },
        }, cancellationToken: ct);
        return summary;
    }

    /// <summary>An index on the flight date, so the one-month rerun and the month's read-back do not scan every flight.</summary>
    public Task EnsureDateIndexAsync(CancellationToken ct) =>
        database.GetCollection<BsonDocument>(DemoSettings.FlightsCollection).Indexes.CreateOneAsync(
            new CreateIndexModel<BsonDocument>(new BsonDocument("date", 1)), cancellationToken: ct);

    /// <summary>
    /// The month the on-demand rerun scores: the latest calendar month holding at least half as many flights as the
    /// busiest month, so a month the data only touches (a few flights at midnight on its first day) is passed over.
    /// </summary>
    public static (DateTime Start, DateTime End) PickMonth(IReadOnlyList<MonthlyFlights> months)
    {
        if (months.Count == 0)
        {
            throw new BatchPredictException($"The collection '{DemoSettings.FlightsCollection}' holds no flight with a date to pick a month from.");
        }

        var perMonth = months.GroupBy(m => m.Month).Select(g => (Month: g.Key, Flights: g.Sum(m => m.Flights))).ToList();
        var busiest = perMonth.Max(m => m.Flights);
        var start = perMonth.Where(m => m.Flights * 2 >= busiest).Max(m => m.Month);
        return (start, start.AddMonths(1));
    }
}
