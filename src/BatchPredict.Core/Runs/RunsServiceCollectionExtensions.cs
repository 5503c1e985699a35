using BatchPredict.Core.Jobs;
using BatchPredict.Core.Runs.Scheduling;
using BatchPredict.Core.Storage;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace BatchPredict.Core.Runs;

public static class RunsServiceCollectionExtensions
{
    /// <summary>
    /// Registers jobs (the validated catalog of jobs/), runs (starter, partition executor, finalizer, in-process runner,
    /// ledger, lock, dead letters) and the Hangfire.Mongo storage and client that hand partitions to Hangfire servers.
    /// Needs AddBatchPredictMongo and AddModelRegistry. No Hangfire server is started here: see serve.
    /// </summary>
    public static IHostApplicationBuilder AddBatchPredictRuns(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RunsOptions>().BindConfiguration(RunsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HangfireOptions>().BindConfiguration(HangfireOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => JobCatalog.Load(sp.GetRequiredService<IOptions<JobsOptions>>().Value.ResolveDirectory()));
        services.TryAddSingleton<RunLedger>();
        services.TryAddSingleton<RunLock>();
        services.TryAddSingleton<DeadLetterStore>();
        services.TryAddSingleton<MongoRetry>();
        services.TryAddSingleton<RunFinalizer>();
        services.TryAddSingleton<PartitionExecutor>();
        services.TryAddSingleton<RunStarter>();
        services.TryAddSingleton<InProcessRunner>();
        services.TryAddSingleton<RunLauncher>();
        services.TryAddTransient<RunJobs>();
        services.TryAddSingleton<JobStorage>(sp => HangfireStorageFactory.Create(
            sp.GetRequiredService<IMongoClient>(),
            sp.GetRequiredService<IOptions<MongoOptions>>().Value.Database,
            sp.GetRequiredService<IOptions<HangfireOptions>>().Value));
        services.TryAddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        // Next occurrences are computed with the injected clock, so schedules can be tested with fake time.
        services.TryAddSingleton<IRecurringJobManager>(sp => new RecurringJobManager(
            sp.GetRequiredService<JobStorage>(),
            JobFilterProviders.Providers,
            new DefaultTimeZoneResolver(),
            () => sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        return builder;
    }

    /// <summary>Syncs Hangfire's recurring jobs with jobs/ when the host starts (the host that owns the schedules: serve).
    /// The catalog is loaded here too, so an invalid job file stops the host before anything runs.</summary>
    public static IHostApplicationBuilder AddBatchPredictSchedules(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<RecurringJobSync>();
        return builder;
    }
}
