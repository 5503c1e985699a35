namespace BatchPredict.Tests.Serve;

/// <summary>The test classes that build serve hosts: Hangfire keeps process-wide state, so they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ServeCollection
{
    public const string Name = "serve hosts";
}
