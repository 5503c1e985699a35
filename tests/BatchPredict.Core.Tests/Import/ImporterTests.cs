using BatchPredict.Core.Import;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MongoDB.Bson;
using MongoDB.Driver;
using Parquet;
using Parquet.Schema;

namespace BatchPredict.Core.Tests.Import;

public sealed class ImporterTests(ImportServerFixture server) : IClassFixture<ImportServerFixture>, IDisposable
{
    private readonly ImportFiles _files = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task ImportAsync_CsvWithBadRows_InsertsGoodRowsTypedAndCountsBad()
    {
        var path = _files.Write("flights.csv",
            "date,delay,distance,origin\n2024-03-01T10:20:00,5,1200,ATL\n2024-03-01,x,y\n2024-03-02 06:00:00Z,-3,5000000000,DEN\n");

        var summary = await Importer().ImportAsync(new ImportRequest("csv", path));

        Assert.Equal((3L, 2L, 1L, false), (summary.RowsRead, summary.Inserted, summary.BadRowCount, summary.Cancelled));
        Assert.Equal(new BadRow("line", 3, "expected 4 fields, found 3"), Assert.Single(summary.FirstBadRows));
        var documents = await Collection("csv").Find(FilterDefinition<BsonDocument>.Empty).SortBy(d => d["date"]).ToListAsync();
        Assert.Equal(2, documents.Count);
        Assert.Equal(BsonType.ObjectId, documents[0]["_id"].BsonType);
        Assert.Equal(new DateTime(2024, 3, 1, 10, 20, 0, DateTimeKind.Utc), documents[0]["date"].ToUniversalTime());
        Assert.Equal(new BsonInt32(5), documents[0]["delay"]);
        Assert.Equal(new BsonInt64(5_000_000_000), documents[1]["distance"]);
        Assert.Equal("DEN", documents[1]["origin"].AsString);
    }

    [Fact]
    public async Task ImportAsync_Parquet_ReportsProgressUpToTotalWithRowsPerSecond()
    {
        var path = await WriteParquetAsync("numbers.parquet", 10);
        var reports = new List<ImportProgress>();
        var progress = new Reporter(p =>
        {
            reports.Add(p);
            _time.Advance(TimeSpan.FromSeconds(1));
        });

        var summary = await Importer(batchSize: 4).ImportAsync(new ImportRequest("parquet", path), progress);

        Assert.Equal([4L, 8, 10], reports.Select(r => r.RowsRead));
        Assert.All(reports, r => Assert.Equal(10, r.TotalRows));
        Assert.Equal(10, summary.Inserted);
        Assert.Equal(TimeSpan.FromSeconds(3), summary.Elapsed);
        Assert.Equal(10 / 3.0, summary.RowsPerSecond, precision: 6);
        Assert.Equal(10, await CountAsync("parquet"));
        Assert.Equal(BsonType.Int64, (await Collection("parquet").Find(FilterDefinition<BsonDocument>.Empty).FirstAsync())["n"].BsonType);
    }

    [Fact]
    public async Task ImportAsync_MaxRowsAndDrop_TakesFirstRowsIntoAnEmptiedCollection()
    {
        var path = await WriteParquetAsync("numbers.parquet", 10);
        await Importer().ImportAsync(new ImportRequest("drop", path));

        var summary = await Importer().ImportAsync(new ImportRequest("drop", path) { MaxRows = 4, Drop = true });

        Assert.Equal(4, summary.Inserted);
        var numbers = await Collection("drop").Find(FilterDefinition<BsonDocument>.Empty).SortBy(d => d["n"]).Project(d => d["n"]).ToListAsync();
        Assert.Equal([0L, 1, 2, 3], numbers.Select(n => n.AsInt64));
    }

    [Fact]
    public async Task ImportAsync_DuplicateIdsInFile_BadRowForTheDuplicateRestInserted()
    {
        var path = _files.Write("ids.jsonl", "{\"_id\": 1, \"v\": \"a\"}\n{\"_id\": 1, \"v\": \"b\"}\n{\"_id\": 2, \"v\": \"c\"}\n");

        var summary = await Importer().ImportAsync(new ImportRequest("ids", path));

        Assert.Equal((3L, 2L, 1L), (summary.RowsRead, summary.Inserted, summary.BadRowCount));
        var bad = Assert.Single(summary.FirstBadRows);
        Assert.Equal(("line", 2L), (bad.Unit, bad.Number));
        Assert.StartsWith("not inserted: ", bad.Reason, StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync("ids"));
    }

    [Fact]
    public async Task ImportAsync_CancelledMidway_KeepsInsertedAndSaysHowFar()
    {
        var path = await WriteParquetAsync("numbers.parquet", 10);
        using var cancel = new CancellationTokenSource();
        var progress = new Reporter(p =>
        {
            if (p.RowsRead >= 6)
            {
                cancel.Cancel();
            }
        });

        var summary = await Importer(batchSize: 3).ImportAsync(new ImportRequest("cancel", path), progress, cancel.Token);

        Assert.True(summary.Cancelled);
        Assert.Equal((6L, 6L), (summary.RowsRead, summary.Inserted));
        Assert.Equal(6, await CountAsync("cancel"));
    }

    [Fact]
    public async Task ImportAsync_ConnectionLostAfterTheWriteLanded_RetriedAndEachRowCountedOnce()
    {
        var path = _files.Write("retry.csv", "n\n1\n2\n3\n");
        var (database, flaky) = FlakyInsertsDatabase.Wrap(server.Database);
        var importer = new Importer(database, Options.Create(new ImportOptions { BatchSize = 10, RetryDelay = TimeSpan.Zero }),
            _time, NullLogger<Importer>.Instance);

        var summary = await importer.ImportAsync(new ImportRequest("retry", path));

        Assert.Equal(2, flaky.InsertCalls);
        Assert.Equal((3L, 3L, 0L), (summary.RowsRead, summary.Inserted, summary.BadRowCount));
        Assert.Equal(3, await CountAsync("retry"));
    }

    [Fact]
    public async Task ImportAsync_ManyBadRows_KeepsTheFirstFewCountsAll()
    {
        var path = _files.Write("bad.csv", "a,b\n" + string.Concat(Enumerable.Range(0, 25).Select(i => $"{i}\n")) + "1,2\n");

        var summary = await Importer().ImportAsync(new ImportRequest("bad", path));

        Assert.Equal((26L, 1L, 25L), (summary.RowsRead, summary.Inserted, summary.BadRowCount));
        Assert.Equal(Enumerable.Range(2, Core.Import.Importer.BadRowsKept).Select(i => (long)i), summary.FirstBadRows.Select(b => b.Number));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("a$b")]
    [InlineData("system.views")]
    public async Task ImportAsync_InvalidCollectionName_RefusedNamingIt(string collection)
    {
        var path = _files.Write("names.csv", "a\n1\n");

        var error = await Assert.ThrowsAsync<BatchPredictException>(() => Importer().ImportAsync(new ImportRequest(collection, path)));

        Assert.Contains($"'{collection}' is not a collection name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_MissingFileWithDrop_ThrowsAndLeavesTheCollection()
    {
        await Collection("keep").InsertOneAsync(new BsonDocument("kept", true));

        var error = await Assert.ThrowsAsync<BatchPredictException>(() =>
            Importer().ImportAsync(new ImportRequest("keep", _files.PathOf("missing.parquet")) { Drop = true }));

        Assert.Contains("missing.parquet", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync("keep"));
    }

    private Importer Importer(int batchSize = 2) =>
        new(server.Database, Options.Create(new ImportOptions { BatchSize = batchSize, RetryDelay = TimeSpan.Zero }), _time,
            NullLogger<Importer>.Instance);

    private IMongoCollection<BsonDocument> Collection(string name) => server.Database.GetCollection<BsonDocument>(name);

    private async Task<int> CountAsync(string name) => (await Collection(name).Find(FilterDefinition<BsonDocument>.Empty).ToListAsync()).Count;

    private async Task<string> WriteParquetAsync(string name, int rows)
    {
        var field = new DataField<long>("n");
        var path = _files.PathOf(name);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(field), stream);
        using var rowGroup = writer.CreateRowGroup();
        await rowGroup.WriteAsync<long>(field, Enumerable.Range(0, rows).Select(i => (long)i).ToArray());
        return path;
    }

    /// <summary>Reports synchronously, in order, on the importer's thread.</summary>
    private sealed class Reporter(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
