using System.CommandLine;
using BatchPredict.Cli;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace BatchPredict.Tests.Cli;

public sealed class ModelsCommandTests(ModelsCommandFixture fixture) : IClassFixture<ModelsCommandFixture>
{
    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 240;
        var root = new RootCommand { ModelsCommand.Create(console, configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Mongo"] = fixture.ConnectionString,
            ["BatchPredict:Mongo:Database"] = fixture.Database,
        })) };
        var exitCode = await root.Parse(args).InvokeAsync();
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task Models_PushListShowPromoteRollbackPull_EachStepAnswersAndBytesRoundTrip()
    {
        var pulled = Path.Combine(fixture.Folder, "pulled.zip");

        var push1 = await RunAsync("models", "push", fixture.ModelPath, "--name", "cli-flight", "--alias", "production", "--tag", "source=dot", "--metric", "auc=0.68");
        var push2 = await RunAsync("models", "push", fixture.ModelPath, "--name", "cli-flight", "--description", "second");
        var promote = await RunAsync("models", "promote", "cli-flight", "--version", "2", "--alias", "production");
        var rollback = await RunAsync("models", "rollback", "cli-flight", "--alias", "production");
        var list = await RunAsync("models", "list", "--name", "cli-flight");
        var show = await RunAsync("models", "show", "cli-flight@production");
        var showV2 = await RunAsync("models", "show", "cli-flight:2");
        var pull = await RunAsync("models", "pull", "cli-flight:2", "--out", pulled);

        Assert.Equal(0, push1.ExitCode);
        Assert.Contains("pushed cli-flight:1", push1.Output, StringComparison.Ordinal);
        Assert.Contains("cli-flight@production -> version 1", push1.Output, StringComparison.Ordinal);
        Assert.Contains("pushed cli-flight:2", push2.Output, StringComparison.Ordinal);
        Assert.Contains("cli-flight@production -> version 2 (was 1)", promote.Output, StringComparison.Ordinal);
        Assert.Contains("rolled back to version 1 (was 2)", rollback.Output, StringComparison.Ordinal);
        Assert.Contains("rollback", rollback.Output, StringComparison.Ordinal);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("auc=0.68", list.Output, StringComparison.Ordinal);
        Assert.Contains("cli-flight", list.Output, StringComparison.Ordinal);
        Assert.Contains("second", showV2.Output, StringComparison.Ordinal);
        Assert.Contains("source=dot", show.Output, StringComparison.Ordinal);
        Assert.Contains("PredictedLabel: Boolean", show.Output, StringComparison.Ordinal);
        Assert.Contains("1 (current)", show.Output, StringComparison.Ordinal);
        Assert.Equal(0, pull.ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(fixture.ModelPath), await File.ReadAllBytesAsync(pulled));
    }

    [Fact]
    public async Task Models_DeleteAliasedVersion_RefusedThenDeletedOnceMoved()
    {
        await RunAsync("models", "push", fixture.ModelPath, "--name", "cli-delete", "--alias", "production");
        await RunAsync("models", "push", fixture.ModelPath, "--name", "cli-delete");

        var refused = await RunAsync("models", "delete", "cli-delete:1");
        await RunAsync("models", "promote", "cli-delete", "--version", "2", "--alias", "production");
        var deleted = await RunAsync("models", "delete", "cli-delete:1");
        var list = await RunAsync("models", "list", "--name", "cli-delete");

        Assert.Equal(GuardedAction.Refused, refused.ExitCode);
        Assert.Equal(0, deleted.ExitCode);
        Assert.Contains("deleted cli-delete:1", deleted.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("│ 1 ", list.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show", "cli-missing:3")]
    [InlineData("show", "cli-missing:x")]
    [InlineData("pull", "cli-missing@production", "--out", "never.zip")]
    [InlineData("delete", "cli-missing@production")]
    [InlineData("rollback", "cli-missing", "--alias", "production")]
    public async Task Models_MissingOrMalformedReference_ExitsRefused(params string[] args)
    {
        var (exitCode, output) = await RunAsync(["models", .. args]);

        Assert.Equal(GuardedAction.Refused, exitCode);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task Models_PushPickle_ExitsRefusedAndStoresNothing()
    {
        var pickle = Path.Combine(fixture.Folder, "model.pkl");
        await File.WriteAllBytesAsync(pickle, [0x80, 0x04, 0x95, 0x00]);

        var push = await RunAsync("models", "push", pickle, "--name", "cli-pickle");
        var list = await RunAsync("models", "list", "--name", "cli-pickle");

        Assert.Equal(GuardedAction.Refused, push.ExitCode);
        Assert.Contains("no versions of cli-pickle", list.Output, StringComparison.Ordinal);
    }
}
