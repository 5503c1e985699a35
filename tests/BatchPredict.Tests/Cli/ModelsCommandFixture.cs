using BatchPredict.EmbeddedMongo;
using BatchPredict.Samples;
using Microsoft.ML;

namespace BatchPredict.Tests.Cli;

/// <summary>
/// An embedded server with a fresh database for the models CLI tests, and a small demo model file trained on the first
/// row group of the real flights data.
/// </summary>
public sealed class ModelsCommandFixture : IAsyncLifetime
{
    private EmbeddedMongoServer? _server;

    public string ConnectionString => _server?.ConnectionString ?? throw new InvalidOperationException("The server has not started.");

    public string Database { get; } = $"cli_{Guid.NewGuid():N}";

    public string Folder { get; } = Directory.CreateTempSubdirectory("bp-models-cli-").FullName;

    public string ModelPath => Path.Combine(Folder, "flight-delay.zip");

    public async Task InitializeAsync()
    {
        _server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        var data = FlightDataLocation.Find() ?? throw new FileNotFoundException("samples/data/flights-3m.parquet not found above the test directory");
        var sample = await FlightParquetReader.SampleAsync(data, trainRate: 0.05, testRate: 0.01, seed: 11, maxRowGroups: 1);
        var ml = new MLContext(11);
        var (model, _) = FlightDelayTraining.Train(ml, sample.Train, sample.Test, FlightDelayModelSettings.Version1 with { NumberOfTrees = 10 });
        await using var file = File.Create(ModelPath);
        FlightDelayTraining.Save(ml, model, file);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }
}
