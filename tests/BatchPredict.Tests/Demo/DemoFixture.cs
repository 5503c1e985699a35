using System.CommandLine;
using BatchPredict.Cli;
using BatchPredict.Core.Tests.Jobs;
using BatchPredict.Core.Tests.Scoring;
using BatchPredict.EmbeddedMongo;
using BatchPredict.Samples;
using Microsoft.Extensions.Configuration;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Driver;
using Parquet;
using Spectre.Console;

namespace BatchPredict.Tests.Demo;

/// <summary>
/// Runs <c>batchpredict demo --rows 2000</c> twice against an in-process embedded server (fresh database), and keeps
/// both outputs. The data: 1,000 real flights from the first row group of flights-3m.parquet and 1,000 from the last,
/// as JSON lines, so they span more than one month. The model cache is pre-filled with the tiny demo-contract models,
/// so no training runs in the test.
/// </summary>
public sealed class DemoFixture : IAsyncLifetime
{
    public const int Rows = 2000;

    private EmbeddedMongoServer? _server;

    public string Folder { get; } = Directory.CreateTempSubdirectory("bp-demo-test-").FullName;

    public string DatabaseName { get; } = $"demo_{Guid.NewGuid():N}";

    public IMongoDatabase Database { get; private set; } = null!;

    public (int ExitCode, string Output) First { get; private set; }

    public (int ExitCode, string Output) Second { get; private set; }

    public IReadOnlyList<BsonValue> IdsAfterFirst { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        Database = new MongoClient(_server.ConnectionString).GetDatabase(DatabaseName);
        var data = await WriteFlightsAsync(Path.Combine(Folder, "flights.jsonl"));
        var models = Path.Combine(Folder, "models");
        Directory.CreateDirectory(models);
        foreach (var (version, bytes) in new[] { (1, TinyFlightModel.Version1), (2, TinyFlightModel.Version2) })
        {
            await File.WriteAllBytesAsync(Path.Combine(models, FlightDelayTraining.ModelFileName(version)), bytes);
            await new FlightDelayMetrics(0.7, 0.6, 0.8, 0.3, 400, 100, 0.1).WriteAsync(Path.Combine(models, FlightDelayTraining.MetricsFileName(version)));
        }

        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Mongo"] = _server.ConnectionString,
            ["BatchPredict:Mongo:Database"] = DatabaseName,
            ["BatchPredict:Jobs:Directory"] = JobFiles.RepositoryJobs(),
            ["BatchPredict:Demo:DataFile"] = data,
            ["BatchPredict:Demo:ModelsPath"] = models,
        };
        First = await RunDemoAsync(settings);
        IdsAfterFirst = await IdsAsync();
        Second = await RunDemoAsync(settings);
    }

    public async Task<IReadOnlyList<BsonValue>> IdsAsync() =>
        (await Database.GetCollection<BsonDocument>("flights").Find(FilterDefinition<BsonDocument>.Empty)
            .Project(new BsonDocument("_id", 1)).Sort(new BsonDocument("_id", 1)).ToListAsync())
        .Select(d => d["_id"]).ToList();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }

    private static async Task<(int, string)> RunDemoAsync(Dictionary<string, string?> settings)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        var root = new RootCommand { DemoCommand.Create(console, configuration => configuration.AddInMemoryCollection(settings)) };
        var exitCode = await root.Parse(["demo", "--rows", Rows.ToString()]).InvokeAsync();
        return (exitCode, output.ToString());
    }

    /// <summary>Real flights from both ends of the file, in canonical extended JSON so the numbers stay Int64.</summary>
    private static async Task<string> WriteFlightsAsync(string path)
    {
        var source = FlightDataLocation.Find() ?? throw new FileNotFoundException("samples/data/flights-3m.parquet not found above the test directory");
        await using var stream = File.OpenRead(source);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        await using var writer = File.CreateText(path);
        foreach (var group in new[] { 0, reader.RowGroupCount - 1 })
        {
            using var rows = reader.OpenRowGroupReader(group);
            var count = (int)rows.RowCount;
            var dates = new DateTime?[count];
            var delays = new long?[count];
            var distances = new long?[count];
            var origins = new string[count];
            var destinations = new string[count];
            await rows.ReadAsync<DateTime>(fields.Single(f => f.Name == "date"), dates);
            await rows.ReadAsync<long>(fields.Single(f => f.Name == "delay"), delays);
            await rows.ReadAsync<long>(fields.Single(f => f.Name == "distance"), distances);
            await rows.ReadAsync(fields.Single(f => f.Name == "origin"), origins);
            await rows.ReadAsync(fields.Single(f => f.Name == "destination"), destinations);
            for (var i = 0; i < Rows / 2; i++)
            {
                var doc = new BsonDocument
                {
                    { "date", DateTime.SpecifyKind(dates[i]!.Value, DateTimeKind.Utc) },
                    { "delay", delays[i]!.Value },
                    { "distance", distances[i]!.Value },
                    { "origin", origins[i] },
                    { "destination", destinations[i] },
                };
                await writer.WriteLineAsync(doc.ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.CanonicalExtendedJson }));
            }
        }

        return path;
    }
}
