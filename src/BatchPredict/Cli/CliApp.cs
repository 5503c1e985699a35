using System.CommandLine;

namespace BatchPredict.Cli;

/// <summary>The <c>batchpredict</c> command tree. Each area adds its command here, built in its own file.</summary>
internal static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("BatchPredict: score MongoDB documents with versioned ML.NET models and write the predictions back.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(JobsCommand.Create());
        root.Subcommands.Add(RunsCommand.Create());
        root.Subcommands.Add(MongodCommand.Create());
        root.Subcommands.Add(ModelsCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        return root;
    }

    public static Task<int> RunAsync(string[] args) => Build().Parse(args).InvokeAsync();
}
