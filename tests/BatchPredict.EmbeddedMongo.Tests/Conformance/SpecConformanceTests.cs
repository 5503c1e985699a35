using Xunit.Abstractions;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>
/// The MongoDB specification tests (Unified Test Format, CRUD and GridFS) run through the official driver against a
/// fresh in-memory embedded server. Each test prints its full report: passed, failed with the cause, not applicable by reason.
/// </summary>
public sealed class SpecConformanceTests(ITestOutputHelper output)
{
    // The share of applicable CRUD spec tests that must pass. Issue 2 set 85%; raised to 90% once 241 of 265 passed.
    // The floor only ever goes up: raise it as the server passes more, never lower it to make a run green.
    private const double CrudPassRateFloor = 1.00;

    [Fact]
    public async Task Crud_ApplicableTests_MeetFloor()
    {
        await using var server = await ConformanceServer.StartAsync();

        var report = await ConformanceReport.RunAsync("crud", server);

        Print(report.Format(CrudPassRateFloor));
        Assert.True(report.Applicable > 0, "no CRUD spec test was applicable");
        Assert.True(report.PassRate >= CrudPassRateFloor,
            $"{report.Passed} of {report.Applicable} applicable CRUD spec tests pass ({report.PassRate:P1}), below the floor of {CrudPassRateFloor:P0}");
    }

    [Fact]
    public async Task GridFs_AllApplicableTests_Pass()
    {
        await using var server = await ConformanceServer.StartAsync();

        var report = await ConformanceReport.RunAsync("gridfs", server);

        Print(report.Format());
        Assert.True(report.Applicable > 0, "no GridFS spec test was applicable");
        Assert.True(report.Failed == 0, report.Format());
    }

    private void Print(string text)
    {
        output.WriteLine(text);
        Console.WriteLine(text);
    }
}
