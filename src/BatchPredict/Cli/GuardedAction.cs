using System.CommandLine;
using BatchPredict.Core;
using BatchPredict.EmbeddedMongo;
using Microsoft.Extensions.Options;
using MongoDB.Driver;
using Spectre.Console;

namespace BatchPredict.Cli;

/// <summary>
/// Runs a command's action so that a user's mistake ends in one clear line and a non-zero exit code, not a stack trace.
/// Exit codes: 0 done, 1 refused (configuration or input), 2 failed unexpectedly, 130 cancelled.
/// </summary>
internal static class GuardedAction
{
    public const int Refused = 1;
    public const int Failed = 2;
    public const int Cancelled = 130;

    public static void SetGuardedAction(this Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction((parse, ct) => RunAsync(() => action(parse, ct)));

    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (BatchPredictException e)
        {
            WriteError(e.Message);
            return Refused;
        }
        catch (OptionsValidationException e)
        {
            WriteError($"configuration: {string.Join("; ", e.Failures)}");
            return Refused;
        }
        catch (MongoCommandError e)
        {
            WriteError($"{e.Message} (code {e.Code} {e.CodeName})");
            return Refused;
        }
        catch (MongoException e)
        {
            WriteError($"MongoDB: {e.Message}");
            return Failed;
        }
        catch (OperationCanceledException)
        {
            WriteError("cancelled");
            return Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
        {
            WriteError(e.Message);
            return Refused;
        }
        catch (Exception e)
        {
            // A fault of ours, not of the input: still one line, with the exception's type so it can be reported.
            WriteError($"unexpected {e.GetType().Name}: {e.Message}");
            return Failed;
        }
    }

    /// <summary>Errors go to standard error, so standard output holds only a command's answer.</summary>
    public static void WriteError(string message) =>
        ErrorConsole().MarkupLine($"[red]error:[/] {Markup.Escape(message)}");

    private static IAnsiConsole ErrorConsole() =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
}
