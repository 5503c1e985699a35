using BatchPredict.Api;
using BatchPredict.Core.Models;
using BatchPredict.Core.Runs;
using BatchPredict.Core.Runs.Scheduling;
using BatchPredict.Core.Storage;
using Hangfire;
using Microsoft.Extensions.Options;

namespace BatchPredict.Hosting;

/// <summary>
/// The serve host: Hangfire server (partitions, finalizers, schedules synced from jobs/), the dashboard at /hangfire,
/// /health and the runs API. Split from the command so tests build the same app on the embedded server.
/// </summary>
internal static class ServeApp
{
    public const string DashboardPath = "/hangfire";

    public static WebApplication Build(WebApplicationBuilder builder, string mongoConnectionString)
    {
        builder.AddBatchPredictMongo(mongoConnectionString);
        builder.AddModelRegistry();
        builder.AddBatchPredictRuns();
        builder.AddBatchPredictSchedules();
        builder.Services.AddHealthChecks().AddCheck<MongoHealthCheck>("mongo");
        builder.Services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogBridge())
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        builder.Services.AddHangfireServer((sp, server) =>
        {
            var options = sp.GetRequiredService<IOptions<HangfireOptions>>().Value;
            server.WorkerCount = options.WorkerCount;
            server.IsLightweightServer = !options.RunSchedulers;
            server.ServerName = $"batchpredict:{Environment.MachineName}:{Environment.ProcessId}";
        });

        var app = builder.Build();
        var logs = HangfireLogBridge.Attach(app.Services.GetRequiredService<ILoggerFactory>());
        app.Lifetime.ApplicationStopped.Register(logs.Dispose);
        app.MapHealthChecks("/health");
        app.MapRunsApi();
        var hangfire = app.Services.GetRequiredService<IOptions<HangfireOptions>>().Value;
        app.UseHangfireDashboard(
            DashboardPath,
            new DashboardOptions
            {
                DashboardTitle = "BatchPredict",
                Authorization = [new DashboardAuthorization(hangfire)],
                DisplayStorageConnectionString = false,
            },
            app.Services.GetRequiredService<JobStorage>());
        return app;
    }
}
