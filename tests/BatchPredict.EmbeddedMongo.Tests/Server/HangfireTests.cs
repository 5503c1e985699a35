using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Mongo;
using Hangfire.Mongo.Migration.Strategies;
using Hangfire.Mongo.Migration.Strategies.Backup;
using Hangfire.States;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Server;

/// <summary>The jobs Hangfire runs in these tests (public static so Hangfire can serialize the calls).</summary>
public static class HangfireTestJobs
{
    public static readonly ConcurrentDictionary<string, int> Runs = new();

    public static void Record(string key) => Runs.AddOrUpdate(key, 1, (_, n) => n + 1);

    /// <summary>Fails on its first run, succeeds on the retry.</summary>
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [1])]
    public static void FailOnce(string key)
    {
        if (Runs.AddOrUpdate(key, 1, (_, n) => n + 1) == 1)
        {
            throw new InvalidOperationException("first attempt fails on purpose");
        }
    }
}

public sealed class HangfireTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private MongoStorage Storage(string database, CheckQueuedJobsStrategy strategy) =>
        new(MongoClientSettings.FromConnectionString(fixture.Server.ConnectionString), database, new MongoStorageOptions
        {
            Prefix = "hangfire",
            CheckQueuedJobsStrategy = strategy,
            QueuePollInterval = TimeSpan.FromMilliseconds(200),
            MigrationOptions = new MongoMigrationOptions
            {
                MigrationStrategy = new MigrateMongoMigrationStrategy(), BackupStrategy = new CollectionMongoBackupStrategy(),
            },
        });

    private static BackgroundJobServer Server(MongoStorage storage) => new(new BackgroundJobServerOptions
    {
        WorkerCount = 4, SchedulePollingInterval = TimeSpan.FromMilliseconds(500), ServerCheckInterval = TimeSpan.FromSeconds(1),
    }, storage);

    /// <summary>Waits (bounded) until the dashboard's statistics satisfy the condition.</summary>
    private static async Task<Hangfire.Storage.Monitoring.StatisticsDto> WaitForAsync(MongoStorage storage, Func<Hangfire.Storage.Monitoring.StatisticsDto, bool> done)
    {
        var monitoring = storage.GetMonitoringApi();
        var stats = monitoring.GetStatistics();
        for (var attempt = 0; attempt < 600 && !done(stats); attempt++)
        {
            await Task.Delay(100);
            stats = monitoring.GetStatistics();
        }

        return stats;
    }

    [Theory]
    [InlineData(CheckQueuedJobsStrategy.TailNotificationsCollection)]
    [InlineData(CheckQueuedJobsStrategy.Poll)]
    public async Task FireAndForget_HundredJobs_AllSucceed(CheckQueuedJobsStrategy strategy)
    {
        var storage = Storage($"hf_{strategy}".ToLowerInvariant(), strategy);
        var client = new BackgroundJobClient(storage);
        var prefix = Guid.NewGuid().ToString("N");
        using (Server(storage))
        {
            for (var i = 0; i < 100; i++)
            {
                client.Enqueue(() => HangfireTestJobs.Record($"{prefix}-{i}"));
            }

            var stats = await WaitForAsync(storage, s => s.Succeeded >= 100);

            Assert.Equal(100, stats.Succeeded);
            Assert.Equal(0, stats.Failed);
            Assert.Equal(0, stats.Enqueued);
        }

        Assert.Equal(100, HangfireTestJobs.Runs.Keys.Count(k => k.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RecurringJob_Triggered_Succeeds()
    {
        var storage = Storage("hf_recurring", CheckQueuedJobsStrategy.TailNotificationsCollection);
        var key = Guid.NewGuid().ToString("N");
        var manager = new RecurringJobManager(storage);
        using (Server(storage))
        {
            manager.AddOrUpdate("every-minute", () => HangfireTestJobs.Record(key), Cron.Minutely());
            manager.Trigger("every-minute");

            var stats = await WaitForAsync(storage, s => s.Succeeded >= 1);

            Assert.Equal(1, stats.Recurring);
            Assert.True(stats.Succeeded >= 1);
        }

        Assert.True(HangfireTestJobs.Runs[key] >= 1);
    }

    [Fact]
    public async Task FailingJob_IsRetriedThenSucceeds()
    {
        var storage = Storage("hf_retry", CheckQueuedJobsStrategy.TailNotificationsCollection);
        var key = Guid.NewGuid().ToString("N");
        var client = new BackgroundJobClient(storage);
        using (Server(storage))
        {
            var id = client.Enqueue(() => HangfireTestJobs.FailOnce(key));

            var stats = await WaitForAsync(storage, s => s.Succeeded >= 1);

            Assert.Equal(1, stats.Succeeded);
            Assert.Equal(SucceededState.StateName, storage.GetConnection().GetJobData(id).State);
        }

        Assert.Equal(2, HangfireTestJobs.Runs[key]);
    }

    [Fact]
    public async Task Migrations_FreshDatabase_CreateSchemaAndIndexes()
    {
        var storage = Storage("hf_schema", CheckQueuedJobsStrategy.TailNotificationsCollection);
        using (storage.GetConnection())
        {
            var database = fixture.Client.GetDatabase("hf_schema");
            var names = await (await database.ListCollectionNamesAsync()).ToListAsync();
            var notifications = await (await database.ListCollectionsAsync(new ListCollectionsOptions
            {
                Filter = new BsonDocument("name", "hangfire.notifications"),
            })).SingleAsync();

            Assert.Contains("hangfire.schema", names);
            Assert.Contains("hangfire.jobGraph", names);
            Assert.True(notifications["options"]["capped"].AsBoolean);
        }
    }
}
