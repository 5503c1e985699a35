using System.Net;
using System.Security.Cryptography;
using System.Text;
using BatchPredict.Core.Runs.Scheduling;
using Hangfire.Dashboard;

namespace BatchPredict.Hosting;

/// <summary>
/// Who may open /hangfire: requests from this machine always; remote requests only with the basic-auth credentials of
/// BatchPredict:Hangfire:DashboardUser/DashboardPassword, and never when none are configured. Basic auth sends the
/// password readable, so remote access belongs behind TLS (a reverse proxy).
/// </summary>
internal sealed class DashboardAuthorization(HangfireOptions options) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var remote = http.Connection.RemoteIpAddress;
        if (remote is not null && (IPAddress.IsLoopback(remote) || remote.Equals(http.Connection.LocalIpAddress)))
        {
            return true;
        }

        if (!string.IsNullOrEmpty(options.DashboardUser) && !string.IsNullOrEmpty(options.DashboardPassword)
            && TryReadBasic(http.Request.Headers.Authorization.ToString(), out var user, out var password)
            && FixedTimeEquals(user, options.DashboardUser) & FixedTimeEquals(password, options.DashboardPassword))
        {
            return true;
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"BatchPredict dashboard\", charset=\"UTF-8\"";
        return false;
    }

    private static bool TryReadBasic(string header, out string user, out string password)
    {
        user = password = "";
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return false;
            }

            (user, password) = (decoded[..colon], decoded[(colon + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
