using System.Text.Json;
using BatchPredict.Core;
using BatchPredict.Core.Jobs;
using BatchPredict.Core.Runs;
using BatchPredict.Core.Runs.Scheduling;
using BatchPredict.EmbeddedMongo;
using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.Api;

/// <summary>POST /api/jobs/{name}/runs starts a run (202) or returns the job's run in progress (200);
/// GET /api/runs/{id} shows a run with live counts; GET /api/jobs and GET /api/runs list them.</summary>
internal static class RunsApi
{
    public sealed record StartRunBody(int? ModelVersion, JsonElement? Filter);

    public static void MapRunsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/jobs", (JobCatalog catalog) => catalog.Jobs.OrderBy(j => j.Name, StringComparer.Ordinal).Select(j => new
        {
            j.Name,
            j.Description,
            Collection = j.Source.Collection,
            Model = j.Model.ToString(),
            Schedule = j.Schedule is { } s ? $"{s.Cron} ({s.TimeZone.Id})" : null,
            j.BatchSize,
            j.Partitions,
            Incremental = j.Incremental.Enabled,
        }));
        api.MapPost("/jobs/{name}/runs", StartAsync);
        api.MapGet("/runs", async (RunLedger ledger, TimeProvider time, string? job, int? limit, CancellationToken ct) =>
            (await ledger.ListAsync(job, Math.Clamp(limit ?? 20, 1, 500), ct)).Select(r => RunView.From(r, time.GetUtcNow().UtcDateTime)));
        api.MapGet("/runs/{id}", async (string id, RunLedger ledger, TimeProvider time, CancellationToken ct) =>
            await ledger.FindAsync(id, ct) is { } run
                ? Results.Ok(RunView.From(run, time.GetUtcNow().UtcDateTime))
                : Results.NotFound(new { error = $"no run with id '{id}'" }));
    }

    private static async Task<IResult> StartAsync(string name, StartRunBody? body, JobCatalog catalog, RunLauncher launcher, TimeProvider time, CancellationToken ct)
    {
        if (!catalog.Contains(name))
        {
            return Results.NotFound(new { error = $"no job named '{name}'" });
        }

        if (body?.Filter is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) } notAQuery)
        {
            // Never drop a filter that was asked for: a run without it would rescore the whole collection.
            return Results.BadRequest(new { error = $"filter must be a JSON object (a MongoDB query), not {notAQuery.ValueKind}" });
        }

        try
        {
            var filter = body?.Filter is { ValueKind: JsonValueKind.Object } f ? BsonDocument.Parse(f.GetRawText()) : null;
            var start = await launcher.LaunchAsync(new RunRequest(name, "api", body?.ModelVersion, filter), ct);
            var view = RunView.From(start.Run, time.GetUtcNow().UtcDateTime);
            return start.Started
                ? Results.Accepted($"/api/runs/{start.Run.Id}", new { started = true, run = view })
                : Results.Ok(new { started = false, run = view });
        }
        catch (Exception e) when (e is BatchPredictException or FormatException or BsonException)
        {
            return Results.BadRequest(new { error = e.Message });
        }
        catch (MongoCommandException e) when (e.Code is ErrorCodes.BadValue or ErrorCodes.FailedToParse or ErrorCodes.TypeMismatch)
        {
            return Results.BadRequest(new { error = $"the filter was refused by MongoDB: {e.ErrorMessage}" });
        }
    }
}
