using HangfireLogLevel = Hangfire.Logging.LogLevel;
using IHangfireLog = Hangfire.Logging.ILog;
using IHangfireLogProvider = Hangfire.Logging.ILogProvider;

namespace BatchPredict.Hosting;

/// <summary>
/// Hangfire's logging is static: its classes keep the loggers they got when first used, for the life of the process.
/// These loggers look up the logger factory of the host that is running now on every message, so they keep working
/// when a host stops and another starts in the same process, instead of holding a disposed factory.
/// </summary>
internal sealed class HangfireLogBridge : IHangfireLogProvider
{
    private static ILoggerFactory? _current;

    /// <summary>Routes Hangfire's messages to <paramref name="factory"/> until the returned handle is disposed.</summary>
    public static IDisposable Attach(ILoggerFactory factory)
    {
        Volatile.Write(ref _current, factory);
        return new Detacher(factory);
    }

    public IHangfireLog GetLogger(string name) => new ForwardingLog(name);

    private sealed class Detacher(ILoggerFactory factory) : IDisposable
    {
        public void Dispose() => Interlocked.CompareExchange(ref _current, null, factory);
    }

    private sealed class ForwardingLog(string name) : IHangfireLog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            ILogger logger;
            try
            {
                if (Volatile.Read(ref _current) is not { } factory)
                {
                    return false;
                }

                logger = factory.CreateLogger(name);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }

            var level = logLevel switch
            {
                HangfireLogLevel.Trace => LogLevel.Trace,
                HangfireLogLevel.Debug => LogLevel.Debug,
                HangfireLogLevel.Info => LogLevel.Information,
                HangfireLogLevel.Warn => LogLevel.Warning,
                HangfireLogLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            if (messageFunc is null || !logger.IsEnabled(level))
            {
                return logger.IsEnabled(level);
            }

            logger.Log(level, default, messageFunc(), exception, static (message, _) => message);
            return true;
        }
    }
}
