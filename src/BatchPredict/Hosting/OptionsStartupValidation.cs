using Microsoft.Extensions.Options;

namespace BatchPredict.Hosting;

internal static class OptionsStartupValidation
{
    /// <summary>
    /// Runs the <c>ValidateOnStart</c> checks before the host starts, so an invalid setting reaches the command's
    /// one-line error instead of the host's own "Hosting failed to start" log with a stack trace.
    /// </summary>
    public static void ValidateOptionsBeforeStart(this IServiceProvider services) =>
        services.GetService<IStartupValidator>()?.Validate();
}
