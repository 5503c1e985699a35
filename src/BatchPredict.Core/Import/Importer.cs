using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;
using Polly;
using Polly.Retry;
using BatchPredict.Core.Storage;

namespace BatchPredict.Core.Import;

/// <summary>
/// Imports a Parquet, CSV or JSON lines file into a collection: the reader streams batches, each batch goes in with one
/// unordered InsertMany (retried on transient errors), bad rows are counted and the first few kept, progress is
/// reported after each batch. Cancelling keeps what was inserted and the summary says how far it got.
/// </summary>
public sealed class Importer
{
    /// <summary>Bad rows kept with their reasons in the summary; the rest are only counted (and logged at Debug).</summary>
    public const int BadRowsKept = 10;

    private const int DuplicateKey = 11000;
    private static readonly InsertManyOptions Unordered = new() { IsOrdered = false };

    private readonly IMongoDatabase _database;
    private readonly ImportOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<Importer> _logger;
    private readonly ResiliencePipeline _retry;

    public Importer(IMongoDatabase database, IOptions<ImportOptions> options, TimeProvider time, ILogger<Importer> logger)
    {
        _database = database;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _retry = CreateRetry(_options, time, logger);
    }

    /// <summary>Opens the file (every file problem is a <see cref="BatchPredictException"/> naming it) and imports it.</summary>
    public async Task<ImportSummary> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var format = request.Format ?? ImportFormats.FromExtension(request.File);
        await using var reader = await RowReaders.OpenAsync(request.File, format, ct);
        return await ImportAsync(request with { Format = format }, reader, progress, ct);
    }

    /// <summary>
    /// Imports from a reader the caller opened, so a command can refuse a bad file before it connects to MongoDB.
    /// The reader stays the caller's to dispose.
    /// </summary>
    public async Task<ImportSummary> ImportAsync(ImportRequest request, IRowReader reader, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var format = request.Format ?? ImportFormats.FromExtension(request.File);
        var batchSize = request.BatchSize ?? _options.BatchSize;
        if (string.IsNullOrWhiteSpace(request.Collection) || request.Collection.Contains('$', StringComparison.Ordinal)
            || request.Collection.Contains('\0', StringComparison.Ordinal) || request.Collection.StartsWith("system.", StringComparison.Ordinal))
        {
            throw new BatchPredictException($"'{request.Collection}' is not a collection name: it must be non-empty, without '$', and not start with 'system.'.");
        }

        if (batchSize < 1 || request.MaxRows < 0)
        {
            throw new BatchPredictException("The batch size must be at least 1 and the number of rows to take at least 0.");
        }

        Log.ImportStarted(_logger, request.File, format, request.Collection);
        if (request.Drop)
        {
            await _database.DropCollectionAsync(request.Collection, ct);
            Log.CollectionDropped(_logger, request.Collection);
        }

        var collection = _database.GetCollection<BsonDocument>(request.Collection);
        var total = reader.TotalRows is { } rows && request.MaxRows is { } max ? Math.Min(rows, max) : reader.TotalRows;
        var tally = new ImportTally(BadRowsKept);
        var started = _time.GetTimestamp();
        var cancelled = false;
        try
        {
            await foreach (var batch in reader.ReadAsync(batchSize, request.MaxRows, ct).ReadAheadAsync(depth: 2, ct))
            {
                foreach (var badRow in batch.BadRows)
                {
                    AddBad(tally, request.File, badRow);
                }

                tally.Inserted += await InsertAsync(collection, batch, tally, request.File, ct);
                tally.RowsRead += batch.RowsRead;
                progress?.Report(new ImportProgress(tally.RowsRead, tally.Inserted, tally.BadRowCount, total, _time.GetElapsedTime(started)));
            }
        }
        catch (BatchPredictException e)
        {
            // The file broke part way (a corrupt row group): say how far the import got, what it wrote stays.
            throw new BatchPredictException(
                $"{e.Message} (stopped after {tally.RowsRead:N0} rows; the {tally.Inserted:N0} documents inserted stay in {request.Collection})", e);
        }
        catch (Exception e) when (ct.IsCancellationRequested && e is OperationCanceledException or MongoException)
        {
            cancelled = true;
            Log.ImportCancelled(_logger, request.File, request.Collection, tally.RowsRead, tally.Inserted);
        }

        var summary = new ImportSummary(request.File, format, request.Collection, tally.RowsRead, tally.Inserted,
            tally.BadRowCount, tally.FirstBadRows, _time.GetElapsedTime(started), cancelled);
        if (!cancelled)
        {
            Log.ImportFinished(_logger, summary.Inserted, summary.RowsRead, summary.File, summary.Collection,
                summary.Elapsed, summary.RowsPerSecond, summary.BadRowCount);
        }

        return summary;
    }

    /// <summary>
    /// Inserts one batch and returns how many documents went in. Every document gets its _id here, before the first
    /// attempt, so a retry re-sends the same ids: a duplicate key on a retry means an earlier attempt already landed
    /// that document. Other write errors (a duplicate _id from the file itself, a document the server refuses)
    /// become bad rows of their own row; the rest of the batch still goes in.
    /// </summary>
    private async Task<long> InsertAsync(IMongoCollection<BsonDocument> collection, ImportBatch batch, ImportTally tally, string file, CancellationToken ct)
    {
        if (batch.Documents.Count == 0)
        {
            return 0;
        }

        foreach (var document in batch.Documents)
        {
            if (!document.Contains("_id"))
            {
                document.InsertAt(0, new BsonElement("_id", ObjectId.GenerateNewId()));
            }
        }

        var attempts = 0;
        try
        {
            // Cancelling stops the retry delays but not an insert under way: letting it finish keeps the summary's
            // count of inserted documents exact.
            await _retry.ExecuteAsync(async _ =>
            {
                attempts++;
                await collection.InsertManyAsync(batch.Documents, Unordered, CancellationToken.None);
            }, ct);
            return batch.Documents.Count;
        }
        catch (MongoBulkWriteException<BsonDocument> e) when (e.WriteConcernError is null)
        {
            var failed = 0;
            foreach (var error in e.WriteErrors.Where(error => attempts == 1 || error.Code != DuplicateKey))
            {
                failed++;
                AddBad(tally, file, new BadRow(batch.Unit, batch.Numbers[error.Index], $"not inserted: {error.Message}"));
            }

            return batch.Documents.Count - failed;
        }
    }

    private void AddBad(ImportTally tally, string file, BadRow badRow)
    {
        tally.AddBad(badRow);
        Log.BadRowFound(_logger, file, badRow);
    }

    private static ResiliencePipeline CreateRetry(ImportOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(MongoTransientErrors.IsTransient),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    Log.InsertRetrying(logger, args.Outcome.Exception, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }
}
