using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace BatchPredict.Core.Storage;

public static class MongoServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="IMongoClient"/> for <paramref name="connectionString"/> and the configured
    /// <see cref="IMongoDatabase"/>. The connection string is resolved before the host is built
    /// (configured server, or the embedded one).
    /// </summary>
    public static IHostApplicationBuilder AddBatchPredictMongo(this IHostApplicationBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.Services.AddOptions<MongoOptions>()
            .BindConfiguration(MongoOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IMongoClient>(_ => new MongoClient(connectionString));
        builder.Services.AddSingleton(sp =>
            sp.GetRequiredService<IMongoClient>().GetDatabase(sp.GetRequiredService<IOptions<MongoOptions>>().Value.Database));
        return builder;
    }
}
