using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace BatchPredict.Core.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="Importer"/> and its options (section <c>BatchPredict:Import</c>). Needs AddBatchPredictMongo.</summary>
    public static IHostApplicationBuilder AddBatchPredictImport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ImportOptions>()
            .BindConfiguration(ImportOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Importer>();
        return builder;
    }
}
