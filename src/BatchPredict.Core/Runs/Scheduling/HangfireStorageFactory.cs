using Hangfire.Mongo;
using Hangfire.Mongo.Migration.Strategies;
using Hangfire.Mongo.Migration.Strategies.Backup;
using MongoDB.Driver;

namespace BatchPredict.Core.Runs.Scheduling;

/// <summary>Hangfire.Mongo storage in BatchPredict's database.</summary>
public static class HangfireStorageFactory
{
    public static MongoStorage Create(IMongoClient client, string database, HangfireOptions options) =>
        new(client, database, new MongoStorageOptions
        {
            Prefix = options.Prefix,
            CheckQueuedJobsStrategy = options.QueueStrategy,
            QueuePollInterval = options.QueuePollInterval,
            // A fresh database is created, an older schema migrated in place; no backup collections are left behind.
            MigrationOptions = new MongoMigrationOptions
            {
                MigrationStrategy = new MigrateMongoMigrationStrategy(),
                BackupStrategy = new NoneMongoBackupStrategy(),
            },
        });
}
