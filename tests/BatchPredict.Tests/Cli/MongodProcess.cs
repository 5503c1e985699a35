using System.Diagnostics;

namespace BatchPredict.Tests.Cli;

/// <summary>`batchpredict mongod` as a child process: started, its ready line read, then killed or stopped.</summary>
internal sealed class MongodProcess : IDisposable
{
    private readonly Process _process;

    private MongodProcess(Process process, string connectionString)
    {
        _process = process;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<MongodProcess> StartAsync(params string[] arguments)
    {
        var dll = typeof(BatchPredict.Cli.CliApp).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("mongod");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("ready mongodb://127.0.0.1:", StringComparison.Ordinal))
        {
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            process.Kill();
            process.Dispose();
            throw new InvalidOperationException($"mongod did not get ready: '{line}' {error}");
        }

        return new MongodProcess(process, line["ready ".Length..]);
    }

    /// <summary>SIGKILL: no chance to flush anything that was not already on disk.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM and the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
