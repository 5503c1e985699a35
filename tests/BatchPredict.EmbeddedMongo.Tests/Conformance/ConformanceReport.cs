using System.Globalization;
using System.Text;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>The figures of one suite's run: passed, failed, not applicable by reason, and each failure with its cause.</summary>
internal sealed class ConformanceReport(string suite, Version server, int files, IReadOnlyList<SpecTestResult> results)
{
    public int Passed { get; } = results.Count(r => r.Status == SpecTestStatus.Passed);

    public int Failed { get; } = results.Count(r => r.Status == SpecTestStatus.Failed);

    public int NotApplicable { get; } = results.Count(r => r.Status == SpecTestStatus.NotApplicable);

    public int Applicable => Passed + Failed;

    public double PassRate => Applicable == 0 ? 0 : (double)Passed / Applicable;

    public static async Task<ConformanceReport> RunAsync(string suite, ConformanceServer server)
    {
        var runner = new UnifiedTestRunner(server);
        var files = SpecTestLocator.Files(suite);
        var results = new List<SpecTestResult>();
        foreach (var file in files)
        {
            results.AddRange(await runner.RunFileAsync(file));
        }

        return new ConformanceReport(suite, server.Version, files.Count, results);
    }

    public string Format(double? floor = null)
    {
        var text = new StringBuilder();
        var rate = PassRate.ToString("P1", CultureInfo.InvariantCulture);
        var floorText = floor is null ? string.Empty : $" (floor {floor.Value.ToString("P0", CultureInfo.InvariantCulture)})";
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{suite} conformance of the embedded server (version {server}, standalone) with {SpecTestLocator.Root}: {files} files, {results.Count} tests: {Passed} passed, {Failed} failed, {NotApplicable} not applicable; {rate} of the {Applicable} applicable tests pass{floorText}");
        text.AppendLine("Not applicable, by reason:");
        foreach (var group in results.Where(r => r.Status == SpecTestStatus.NotApplicable).GroupBy(r => r.Detail).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {group.Count(),4}  {group.Key}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Failed ({Failed}):");
        foreach (var failure in results.Where(r => r.Status == SpecTestStatus.Failed))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {failure.File} / {failure.Test}: {failure.Detail}");
        }

        return text.ToString();
    }
}
