using BatchPredict.Cli;
using BatchPredict.Core;

namespace BatchPredict.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public class GuardedActionTests
{
    [Fact]
    public async Task RunAsync_UserError_OneLineOnStandardErrorAndRefused()
    {
        var (exitCode, output, error) = await CaptureAsync(() => throw new BatchPredictException("job 'x' does not exist"));

        Assert.Equal(GuardedAction.Refused, exitCode);
        Assert.Equal("", output);
        Assert.Equal("error: job 'x' does not exist", error.Trim());
    }

    [Fact]
    public async Task RunAsync_UnexpectedException_OneLineWithTypeNoStackTrace()
    {
        var (exitCode, _, error) = await CaptureAsync(() => throw new InvalidOperationException("boom"));

        Assert.Equal(GuardedAction.Failed, exitCode);
        Assert.Equal("error: unexpected InvalidOperationException: boom", error.Trim());
        Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InvalidSetting_OneConfigurationLineAndRefused()
    {
        var (exitCode, _, error) = await CaptureAsync(() =>
            throw new Microsoft.Extensions.Options.OptionsValidationException("ImportOptions", typeof(object), ["The field BatchSize must be between 1 and 100000."]));

        Assert.Equal(GuardedAction.Refused, exitCode);
        Assert.Equal("error: configuration: The field BatchSize must be between 1 and 100000.", error.Trim());
    }

    private static async Task<(int ExitCode, string Output, string Error)> CaptureAsync(Func<Task<int>> action)
    {
        var (oldOut, oldError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exitCode = await GuardedAction.RunAsync(action);
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
