using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace BatchPredict.Tests.Serve;

/// <summary>
/// Every test request comes from loopback; a request carrying <see cref="Header"/> is made to look remote (a
/// documentation address, no traffic goes there) so the dashboard's remote rules can be exercised.
/// </summary>
internal sealed class RemoteAddressStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-Remote";

    public static readonly IPAddress RemoteAddress = IPAddress.Parse("203.0.113.7");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.ContainsKey(Header))
            {
                context.Connection.RemoteIpAddress = RemoteAddress;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
