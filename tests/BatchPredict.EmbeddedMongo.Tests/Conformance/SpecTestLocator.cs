namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>
/// Finds the MongoDB specification test files. Their licence forbids copying them into the repository, so they are read
/// in place from <c>shared/mongo-spec-tests</c> beside the repository (or from the folder named by an environment variable).
/// </summary>
internal static class SpecTestLocator
{
    public const string EnvironmentVariable = "BATCHPREDICT_SPEC_TESTS";

    private static readonly Lazy<string> LazyRoot = new(Locate);

    public static string Root => LazyRoot.Value;

    /// <summary>The JSON files of one suite folder (<c>crud</c> or <c>gridfs</c>), in a stable order.</summary>
    public static IReadOnlyList<string> Files(string suite)
    {
        var folder = Path.Combine(Root, suite);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The spec test folder {folder} does not exist.");
        }

        return Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray();
    }

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new DirectoryNotFoundException($"{EnvironmentVariable} names {fromEnvironment}, which does not exist.");
        }

        var repository = FindRepositoryRoot();

        // CI clones the repository with shared/ beside it; a git worktree sits one level deeper, so keep walking up.
        for (var dir = repository.Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "mongo-spec-tests");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No shared/mongo-spec-tests folder was found above {repository.FullName}; set {EnvironmentVariable} to it.");
    }

    private static DirectoryInfo FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BatchPredict.sln")))
            {
                return dir;
            }
        }

        throw new DirectoryNotFoundException(
            $"BatchPredict.sln was not found above {AppContext.BaseDirectory}; set {EnvironmentVariable} to the spec test folder.");
    }
}
