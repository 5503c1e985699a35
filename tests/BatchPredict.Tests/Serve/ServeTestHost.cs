using System.Text.Json.Nodes;
using BatchPredict.Core.Models;
using BatchPredict.Core.Storage;
using BatchPredict.Core.Tests.Jobs;
using BatchPredict.Core.Tests.Scoring;
using BatchPredict.EmbeddedMongo;
using BatchPredict.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Time.Testing;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Tests.Serve;

/// <summary>
/// The serve app on the embedded server (fresh database), on a free loopback port, with a fake clock that starts on
/// 2030-01-01 00:00 UTC, Hangfire.Mongo polling fast, and a worker-only Hangfire server so schedules fire only when a
/// test drives the recurring scheduler with the fake clock. Dashboard credentials: ops / s3cret.
/// </summary>
public sealed class ServeTestHost : IAsyncLifetime
{
    public const string DashboardUser = "ops";
    public const string DashboardPassword = "s3cret";

    private EmbeddedMongoServer? _server;
    private WebApplication? _app;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public HttpClient Http { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public IMongoDatabase Database => Services.GetRequiredService<IMongoDatabase>();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        _server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        var jobs = JobFiles.Folder(("nightly.json", Job("nightly", "flights_nightly", "0 2 * * *")), ("api.json", Job("api", "flights_api", null)));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{MongoOptions.Section}:Database"] = "serve_" + Guid.NewGuid().ToString("N")[..12],
            ["BatchPredict:Jobs:Directory"] = jobs,
            ["BatchPredict:Hangfire:RunSchedulers"] = "false",
            ["BatchPredict:Hangfire:QueuePollInterval"] = "00:00:00.200",
            ["BatchPredict:Hangfire:DashboardUser"] = DashboardUser,
            ["BatchPredict:Hangfire:DashboardPassword"] = DashboardPassword,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddTransient<IStartupFilter, RemoteAddressStartupFilter>();
        _app = ServeApp.Build(builder, _server.ConnectionString);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };
        await Get<IModelRegistry>().PushAsync(new MemoryStream(TinyFlightModel.Version1), new ModelPushRequest("flight-delay", Alias: "production"));
    }

    public async Task SeedAsync(string collection, int count)
    {
        var random = new Random(5);
        var docs = Enumerable.Range(0, count).Select(_ => new BsonDocument
        {
            { "date", new DateTime(2024, random.Next(1, 13), random.Next(1, 29), random.Next(0, 24), 0, 0, DateTimeKind.Utc) },
            { "distance", (long)random.Next(100, 3000) },
            { "origin", TinyFlightModel.Airports[random.Next(5)] },
            { "destination", TinyFlightModel.Airports[random.Next(5)] },
        });
        await Database.GetCollection<BsonDocument>(collection).InsertManyAsync(docs);
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static string Job(string name, string collection, string? cron)
    {
        var job = JsonNode.Parse(JobFiles.DemoJobJson())!.AsObject();
        job["name"] = name;
        job["source"]!["collection"] = collection;
        job["batchSize"] = 40;
        job["partitions"] = 2;
        job.Remove("schedule");
        if (cron is not null)
        {
            job["schedule"] = new JsonObject { ["cron"] = cron, ["timeZone"] = "UTC" };
        }

        return job.ToJsonString();
    }
}
