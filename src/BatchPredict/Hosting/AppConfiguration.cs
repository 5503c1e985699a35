using Microsoft.Extensions.Configuration;

namespace BatchPredict.Hosting;

/// <summary>
/// The configuration sources of every command, in order of precedence (last wins):
/// appsettings/appsettings.json, appsettings/appsettings.{Environment}.json, environment variables, command line.
/// The appsettings folder is looked up in the current directory first, then beside the executable.
/// </summary>
internal static class AppConfiguration
{
    public const string FolderName = "appsettings";

    public static void AddBatchPredictSources(this IConfigurationBuilder configuration, string environmentName, string[] args)
    {
        var folder = ResolveFolder();
        configuration.Sources.Clear();
        configuration.AddJsonFile(Path.Combine(folder, "appsettings.json"), optional: true, reloadOnChange: false);
        configuration.AddJsonFile(Path.Combine(folder, $"appsettings.{environmentName}.json"), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
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
