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
        var count = await database.GetCollection<BsonDocument>(DemoSettings.FlightsCollection).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken: ct);
        return count == inserted ? count : null;
    }

    /// <summary>Empties the collection and imports the file; the marker is written only once the import is complete.</summary>
    public async Task<ImportSummary> ImportAsync(DemoSettings settings, IProgress<ImportProgress> progress, CancellationToken ct)
    {
        await _markers.DeleteOneAsync(Builders<BsonDocument>.Filter.Eq("_id", DemoSettings.FlightsCollection), ct);
        var request = new ImportRequest(DemoSettings.FlightsCollection, settings.DataFile) { MaxRows = settings.Rows, Drop = true };
        var summary = await importer.ImportAsync(request, progress, ct);
        if (summary.Cancelled)
        {
            throw new OperationCanceledException(ct);
        }

        await _markers.InsertOneAsync(new BsonDocument
        {
            { "_id", DemoSettings.FlightsCollection },
            { "file", Path.GetFileName(settings.DataFile) },
            { "rowsAsked", settings.Rows is { } rows ? rows : BsonNull.Value },
            { "inserted", summary.Inserted },
        }, cancellationToken: ct);
        return summary;
    }

    /// <summary>The earliest and latest flight date, computed on the server.</summary>
    public async Task<(DateTime First, DateTime Last)> DateRangeAsync(CancellationToken ct)
    {
        var pipeline = new[]
        {
            new BsonDocument("$group", new BsonDocument { { "_id", BsonNull.Value }, { "first", new BsonDocument("$min", "$date") }, { "last", new BsonDocument("$max", "$date") } }),
        };
        var range = await database.GetCollection<BsonDocument>(DemoSettings.FlightsCollection)
            .Aggregate<BsonDocument>(pipeline, cancellationToken: ct).FirstOrDefaultAsync(ct);
        if (range is null || !range["first"].IsValidDateTime || !range["last"].IsValidDateTime)
        {
            throw new BatchPredictException($"The collection '{DemoSettings.FlightsCollection}' holds no flight with a date to pick a month from.");
        }

        return (range["first"].ToUniversalTime(), range["last"].ToUniversalTime());
    }

    /// <summary>The month the on-demand rerun scores: the calendar month (UTC) of the latest flight.</summary>
    public static (DateTime Start, DateTime End) PickMonth(DateTime last)
    {
        var start = new DateTime(last.Year, last.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        return (start, start.AddMonths(1));
    }
}
