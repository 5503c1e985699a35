using Microsoft.Extensions.Configuration;

namespace BatchPredict.Hosting;

/// <summary>
/// The configuration sources of every command, in order of precedence (last wins):
/// appsettings/appsettings.json, appsettings/appsettings.{Environment}.json, environment variables (the command line
/// belongs to the commands' own options, so settings are not read from it).
/// The appsettings folder is looked up in the current directory first, then beside the executable.
/// Every host (the one-shot commands' <see cref="CommandHost"/> and serve's web app) is created with the same
/// environment name and content root and gets these sources through <see cref="AddBatchPredictConfiguration"/>.
/// </summary>
internal static class AppConfiguration
{
    public const string FolderName = "appsettings";

    public static void AddBatchPredictSources(this IConfigurationBuilder configuration, string environmentName)
    {
        var folder = ResolveFolder();
        configuration.Sources.Clear();
        configuration.AddJsonFile(Path.Combine(folder, "appsettings.json"), optional: true, reloadOnChange: false);
        configuration.AddJsonFile(Path.Combine(folder, $"appsettings.{environmentName}.json"), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
    }

    /// <summary>The settings of a one-shot command's host: the environment of <see cref="EnvironmentName"/>, rooted beside the executable.</summary>
    public static HostApplicationBuilderSettings HostSettings() =>
        new() { EnvironmentName = EnvironmentName(), ContentRootPath = AppContext.BaseDirectory };

    /// <summary>The same as <see cref="HostSettings"/> for serve's web app.</summary>
    public static WebApplicationOptions WebOptions() =>
        new() { EnvironmentName = EnvironmentName(), ContentRootPath = AppContext.BaseDirectory };

    /// <summary>Replaces the builder's configuration sources with those of every command.</summary>
    /// <param name="configure">Extra sources added last, so they win (tests point a command at their own server and data).</param>
    public static void AddBatchPredictConfiguration(this IHostApplicationBuilder builder, Action<IConfigurationBuilder>? configure)
    {
        builder.Configuration.AddBatchPredictSources(builder.Environment.EnvironmentName);
        configure?.Invoke(builder.Configuration);
    }

    public static string ResolveFolder()
    {
        var local = Path.Combine(Directory.GetCurrentDirectory(), FolderName);
        return Directory.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, FolderName);
    }

    /// <summary>DOTNET_ENVIRONMENT, then ASPNETCORE_ENVIRONMENT, else Production (the .NET host default).</summary>
    public static string EnvironmentName() =>
        Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
        ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
        ?? "Production";
}
