using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BatchPredict.Core.Runs;
using BatchPredict.Core.Runs.Scheduling;
using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Tests.Serve;

/// <summary>The serve host end to end: schedules, Hangfire.Mongo executing partitions, the runs API and the dashboard's access rules.</summary>
/// <remarks>Serve hosts share Hangfire's static configuration, so their test classes do not run side by side.</remarks>
[Collection(ServeCollection.Name)]
public sealed class ServeTests(ServeTestHost host) : IClassFixture<ServeTestHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private async Task<RunRecord> WaitForRunAsync(Func<RunLedger, Task<RunRecord?>> find)
    {
        var ledger = host.Get<RunLedger>();
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await find(ledger) is { IsFinished: true } run)
            {
                return run;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the run did not finish; Hangfire did not execute its jobs");
    }

    [Fact]
    public async Task Schedule_FakeClockPassesTheCron_FiresARunThatHangfireExecutes()
    {
        await host.SeedAsync("flights_nightly", 90);
        var storage = host.Get<JobStorage>();
        var scheduler = new RecurringJobScheduler(
            new BackgroundJobFactory(JobFilterProviders.Providers), TimeSpan.FromMilliseconds(1), new DefaultTimeZoneResolver(), () => host.Clock.GetUtcNow().UtcDateTime);
        RecurringJobDto Recurring()
        {
            using var connection = storage.GetConnection();
            return connection.GetRecurringJobs().Single(r => r.Id == RecurringJobSync.IdPrefix + "nightly");
        }

        using var stopping = new CancellationTokenSource();
        var context = new BackgroundProcessContext("test", new ClockedJobStorage(storage), new Dictionary<string, object>(), Guid.NewGuid(), stopping.Token, stopping.Token, stopping.Token);
        scheduler.Execute(context);
        var before = Recurring();

        host.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(30));
        scheduler.Execute(context);
        var fired = Recurring();

        Assert.Equal(new DateTime(2030, 1, 1, 2, 0, 0, DateTimeKind.Utc), before.NextExecution);
        Assert.Null(before.LastJobId);
        Assert.NotNull(fired.LastJobId);
        Assert.Equal(new DateTime(2030, 1, 2, 2, 0, 0, DateTimeKind.Utc), fired.NextExecution);
        var run = await WaitForRunAsync(async l => (await l.ListAsync("nightly", 1, CancellationToken.None)).FirstOrDefault());
        Assert.Equal("schedule", run.Trigger);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(90, run.Counts.Written);
        Assert.Empty(await host.Database.GetCollection<BsonDocument>("flights_nightly").Find(new BsonDocument("prediction", new BsonDocument("$exists", false))).ToListAsync());
    }

    [Fact]
    public async Task PostRun_WhileTheJobRuns_ReturnsTheRunningRunThenHangfireExecutesTheNextOne()
    {
        await host.SeedAsync("flights_api", 100);
        var running = await host.Get<RunStarter>().StartAsync(new RunRequest("api", "test"), CancellationToken.None);

        using var second = await host.Http.PostAsJsonAsync("/api/jobs/api/runs", new { });
        var secondBody = await second.Content.ReadFromJsonAsync<JsonElement>();
        var shown = await host.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{running.Run.Id}");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(secondBody.GetProperty("started").GetBoolean());
        Assert.Equal(running.Run.Id, secondBody.GetProperty("run").GetProperty("id").GetString());
        Assert.Equal("Running", shown.GetProperty("status").GetString());

        await host.Get<InProcessRunner>().ExecuteAsync(running.Run, null, CancellationToken.None);
        using var third = await host.Http.PostAsJsonAsync("/api/jobs/api/runs", new { filter = new { origin = "ATL" } });
        var thirdId = (await third.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run").GetProperty("id").GetString()!;
        var done = await WaitForRunAsync(l => l.FindAsync(thirdId, CancellationToken.None));
        var atl = (await host.Database.GetCollection<BsonDocument>("flights_api").Find(new BsonDocument("origin", "ATL")).ToListAsync()).Count;

        Assert.Equal(HttpStatusCode.Accepted, third.StatusCode);
        Assert.Equal(RunStatus.Succeeded, done.Status);
        Assert.Equal(atl, done.Counts.Written);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("/api/runs/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.PostAsJsonAsync("/api/jobs/nope/runs", new { })).StatusCode);
    }

    [Theory]
    [InlineData("{\"filter\":\"not json\"}", "filter must be a JSON object")]
    [InlineData("{\"filter\":5}", "filter must be a JSON object")]
    [InlineData("{\"filter\":{\"$bogus\":1}}", "the filter was refused by MongoDB")]
    public async Task PostRun_FilterNotAQuery_BadRequestAndNoRun(string body, string error)
    {
        await host.SeedAsync("flights_api", 10);
        var before = await host.Database.GetCollection<BsonDocument>("bp_runs").CountDocumentsAsync(new BsonDocument("job", "api"));

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await host.Http.PostAsync("/api/jobs/api/runs", content);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var after = await host.Database.GetCollection<BsonDocument>("bp_runs").CountDocumentsAsync(new BsonDocument("job", "api"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(error, answer.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Dashboard_RemoteRequestWithoutCredentials_IsRefused()
    {
        using var remote = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        remote.Headers.Add(RemoteAddressStartupFilter.Header, "1");
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        wrong.Headers.Add(RemoteAddressStartupFilter.Header, "1");
        wrong.Headers.Authorization = Basic(ServeTestHost.DashboardUser, "guess");
        using var right = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        right.Headers.Add(RemoteAddressStartupFilter.Header, "1");
        right.Headers.Authorization = Basic(ServeTestHost.DashboardUser, ServeTestHost.DashboardPassword);

        using var refused = await host.Http.SendAsync(remote);
        using var refusedWrong = await host.Http.SendAsync(wrong);
        using var allowed = await host.Http.SendAsync(right);
        using var local = await host.Http.GetAsync("/hangfire");

        Assert.True(local.StatusCode == HttpStatusCode.OK, await local.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Basic", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refusedWrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
    }

    [Fact]
    public void Sync_JobFilesChanged_AddsUpdatesAndRemovesRecurringJobs()
    {
        var storage = host.Get<JobStorage>();
        var manager = host.Get<IRecurringJobManager>();
        manager.AddOrUpdate(RecurringJobSync.IdPrefix + "gone", Job.FromExpression<RunJobs>(j => j.ScheduledAsync("gone")), "0 3 * * *", new RecurringJobOptions());
        manager.AddOrUpdate(RecurringJobSync.IdPrefix + "nightly", Job.FromExpression<RunJobs>(j => j.ScheduledAsync("nightly")), "15 4 * * *", new RecurringJobOptions());
        manager.AddOrUpdate("someone-else", Job.FromExpression<RunJobs>(j => j.ScheduledAsync("x")), "0 5 * * *", new RecurringJobOptions());

        host.Services.GetServices<IHostedService>().OfType<RecurringJobSync>().Single().Sync();

        using var connection = storage.GetConnection();
        var recurring = connection.GetRecurringJobs().ToDictionary(r => r.Id);
        Assert.Equal(["job:nightly", "someone-else"], recurring.Keys.Order());
        Assert.Equal("0 2 * * *", recurring["job:nightly"].Cron);
        Assert.Equal("UTC", recurring["job:nightly"].TimeZoneId);
        manager.RemoveIfExists("someone-else");
    }

    [Fact]
    public async Task Health_DatabaseAnswers_Healthy()
    {
        using var response = await host.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
