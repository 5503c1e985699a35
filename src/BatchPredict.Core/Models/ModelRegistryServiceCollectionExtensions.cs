using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace BatchPredict.Core.Models;

public static class ModelRegistryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IModelRegistry"/> and <see cref="IModelCache"/> (singletons over the <c>IMongoDatabase</c> of
    /// <c>AddBatchPredictMongo</c>) with <see cref="ModelRegistryOptions"/> bound from <c>BatchPredict:Models</c>.
    /// </summary>
    public static IHostApplicationBuilder AddModelRegistry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ModelRegistryOptions>()
            .BindConfiguration(ModelRegistryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ModelRegistryCollections>();
        builder.Services.TryAddSingleton<MongoModelRegistry>();
        builder.Services.TryAddSingleton<IModelRegistry>(sp => sp.GetRequiredService<MongoModelRegistry>());
        builder.Services.TryAddSingleton<IModelContentReader>(sp => sp.GetRequiredService<MongoModelRegistry>());
        builder.Services.TryAddSingleton<IModelCache, ModelCache>();
        return builder;
    }
}
