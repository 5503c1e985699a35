using MongoDB.Driver;
using Xunit.Abstractions;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>
/// The MongoDB specification tests (Unified Test Format) in ../shared/mongo-spec-tests, run against the embedded server.
/// The CRUD floor only ever goes up; every applicable GridFS test must pass.
/// </summary>
public sealed class UnifiedSpecTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Share of the applicable CRUD tests that must pass (the issue asks 85%; raised to what passes now, 268 of 292).</summary>
    private const double CrudFloor = 0.90;

    private EmbeddedMongoServer _server = null!;
    private MongoClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions());
        _client = new MongoClient(_server.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task CrudSpecFiles_Applicable_PassAboveFloor()
    {
        var results = await RunFolderAsync("crud");
        var applicable = results.Count(r => r.Verdict != Verdict.NotApplicable);
        var passed = results.Count(r => r.Verdict == Verdict.Passed);

        Assert.True(applicable > 0, "no applicable CRUD specification test found");
        Assert.True(passed >= CrudFloor * applicable, $"{passed} of {applicable} applicable CRUD tests passed, below the floor of {CrudFloor:P0}");
    }

    [Fact]
    public async Task GridFsSpecFiles_Applicable_AllPass()
    {
        var results = await RunFolderAsync("gridfs");

        Assert.Contains(results, r => r.Verdict == Verdict.Passed);
        Assert.Empty(results.Where(r => r.Verdict == Verdict.Failed).Select(r => $"{r.File}: {r.Test}: {r.Reason}"));
    }

    private async Task<List<SpecResult>> RunFolderAsync(string folder)
    {
        var runner = new UnifiedRunner(_client);
        var results = new List<SpecResult>();
        foreach (var file in Directory.GetFiles(Path.Combine(SpecFolder(), folder), "*.json").Order(StringComparer.Ordinal))
        {
            results.AddRange(await runner.RunFileAsync(file));
        }

        var passed = results.Count(r => r.Verdict == Verdict.Passed);
        var failed = results.Where(r => r.Verdict == Verdict.Failed).ToList();
        output.WriteLine($"{folder}: {passed} passed, {failed.Count} failed, {results.Count - passed - failed.Count} not applicable");
        foreach (var group in results.Where(r => r.Verdict == Verdict.NotApplicable).GroupBy(r => r.Reason))
        {
            output.WriteLine($"  not applicable ({group.Key}): {group.Count()}");
        }

        failed.ForEach(f => output.WriteLine($"  FAILED {f.File}: {f.Test}: {f.Reason}"));
        return results;
    }

    /// <summary>shared/mongo-spec-tests beside the repository (or beside one of its parent folders).</summary>
    private static string SpecFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "mongo-spec-tests");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/mongo-spec-tests was not found beside the repository or any parent folder");
    }
}
