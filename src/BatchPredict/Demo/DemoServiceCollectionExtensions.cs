using BatchPredict.Core.Import;
using BatchPredict.Core.Models;
using BatchPredict.Core.Runs;

namespace BatchPredict.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>The importer, the model registry, runs (without Hangfire servers) the demo's options (section BatchPredict:Demo) and its steps. Needs AddBatchPredictMongo.</summary>
    public static IHostApplicationBuilder AddBatchPredictDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateOnStart();
        builder.AddBatchPredictImport();
        builder.AddModelRegistry();
        builder.AddBatchPredictRuns();
        builder.Services.AddSingleton<DemoData>();
        builder.Services.AddSingleton<DemoModels>();
        builder.Services.AddSingleton<DemoReport>();
        builder.Services.AddSingleton<DemoRunner>();
        return builder;
    }
}
