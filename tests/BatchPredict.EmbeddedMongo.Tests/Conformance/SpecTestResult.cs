namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

internal enum SpecTestStatus
{
    Passed,
    Failed,
    NotApplicable,
}

/// <summary>
/// The outcome of one test of a spec file. <see cref="Detail"/> is the failure (what was expected and what came) or, for a
/// test that is not applicable, the class of reason, worded so that equal reasons can be counted together.
/// </summary>
internal sealed record SpecTestResult(string File, string Test, SpecTestStatus Status, string Detail)
{
    public static SpecTestResult Passed(string file, string test) => new(file, test, SpecTestStatus.Passed, string.Empty);
}

/// <summary>Raised while preparing or running a test that needs something this server or runner does not claim.</summary>
internal sealed class NotApplicableException(string reason) : Exception(reason);

/// <summary>Raised when an operation's result, error or the final data differ from what the spec file expects.</summary>
internal sealed class SpecMismatchException(string message) : Exception(message);
