namespace BatchPredict.Tests.Cli;

/// <summary>Tests that swap the process-wide Console streams run alone, so no other test writes into their capture.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
