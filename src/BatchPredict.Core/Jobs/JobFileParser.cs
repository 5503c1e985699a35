using System.Text.Json;
using System.Text.Json.Nodes;
using Cronos;
using MongoDB.Bson;

namespace BatchPredict.Core.Jobs;

/// <summary>Turns the text of one job file into a <see cref="JobDefinition"/>: JSON syntax, then the schema, then the
/// checks a schema cannot make (Mongo filter, cron, time zone, unique columns).</summary>
public static class JobFileParser
{
    public static JobDefinition Parse(string file, string json)
    {
        var errors = new List<JobFileError>();
        var job = TryParse(file, json, errors);
        return job ?? throw new JobConfigurationException(errors);
    }

    public static JobDefinition? TryParse(string file, string json, List<JobFileError> errors)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            errors.Add(new JobFileError(file, "", $"not valid JSON (line {e.LineNumber + 1}): {e.Message}"));
            return null;
        }

        if (root is null)
        {
            errors.Add(new JobFileError(file, "", "the file is empty"));
            return null;
        }

        var schemaErrors = JobSchema.Validate(file, root).ToList();
        if (schemaErrors.Count > 0)
        {
            errors.AddRange(schemaErrors);
            return null;
        }

        var before = errors.Count;
        var job = Bind(file, root.AsObject(), errors);
        return errors.Count > before ? null : job with { File = file, Json = json };
    }

    private static JobDefinition Bind(string file, JsonObject o, List<JobFileError> errors)
    {
        var source = o["source"]!.AsObject();
        var model = o["model"]!.AsObject();
        var output = o["output"]!.AsObject();
        var incremental = o["incremental"]?.AsObject();
        var job = new JobDefinition(
            Name: o["name"]!.GetValue<string>(),
            Description: o["description"]?.GetValue<string>(),
            Source: new JobSource(source["collection"]!.GetValue<string>(), ParseFilter(file, source["filter"], errors)),
            Features: o["features"]!.AsArray().Select((f, i) => BindFeature(f!.AsObject())).ToList(),
            Model: new JobModel(model["name"]!.GetValue<string>(), model["alias"]?.GetValue<string>(), model["version"]?.GetValue<int>()),
            Output: new JobOutput(output["field"]!.GetValue<string>(), output["collection"]?.GetValue<string>()),
            Schedule: BindSchedule(file, o["schedule"]?.AsObject(), errors),
            BatchSize: o["batchSize"]?.GetValue<int>() ?? JobDefinition.DefaultBatchSize,
            Partitions: o["partitions"]?.GetValue<int>() ?? JobDefinition.DefaultPartitions,
            MaxErrorRate: o["maxErrorRate"]?.GetValue<double>() ?? JobDefinition.DefaultMaxErrorRate,
            Incremental: new JobIncremental(incremental?["enabled"]?.GetValue<bool>() ?? false, incremental?["updatedAtField"]?.GetValue<string>()));

        var columns = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < job.Features.Count; i++)
        {
            if (!columns.Add(job.Features[i].Column))
            {
                errors.Add(new JobFileError(file, $"/features/{i}/column", $"column '{job.Features[i].Column}' is mapped twice"));
            }
        }

        // Incremental selection compares the prediction stored on the source document with the resolved model version.
        if (job.Incremental.Enabled && job.Output.Collection is not null)
        {
            errors.Add(new JobFileError(file, "/incremental/enabled", "incremental mode needs the prediction on the source document; remove output.collection or turn incremental off"));
        }

        return job;
    }

    private static FeatureMapping BindFeature(JsonObject f) => new(
        Column: f["column"]!.GetValue<string>(),
        Path: f["path"]!.GetValue<string>(),
        Type: Enum.Parse<FeatureType>(f["type"]!.GetValue<string>()),
        DatePart: f["datePart"] is { } part ? Enum.Parse<DatePart>(part.GetValue<string>(), ignoreCase: true) : null,
        Default: f["default"] is { } d ? ToBson(d) : null,
        Missing: ParseRule(f["missing"]),
        Invalid: ParseRule(f["invalid"]));

    private static ValueRule ParseRule(JsonNode? node) =>
        node is null ? ValueRule.DeadLetter : Enum.Parse<ValueRule>(node.GetValue<string>(), ignoreCase: true);

    private static BsonValue ToBson(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => new BsonString(node.GetValue<string>()),
        JsonValueKind.True or JsonValueKind.False => BsonBoolean.Create(node.GetValue<bool>()),
        _ => new BsonDouble(node.GetValue<double>()),
    };

    private static BsonDocument ParseFilter(string file, JsonNode? filter, List<JobFileError> errors)
    {
        if (filter is null)
        {
            return [];
        }

        try
        {
            return BsonDocument.Parse(filter.ToJsonString());
        }
        catch (Exception e) when (e is FormatException or BsonException)
        {
            errors.Add(new JobFileError(file, "/source/filter", $"not a MongoDB query in extended JSON: {e.Message}"));
            return [];
        }
    }

    private static JobSchedule? BindSchedule(string file, JsonObject? schedule, List<JobFileError> errors)
    {
        if (schedule is null)
        {
            return null;
        }

        var cron = schedule["cron"]!.GetValue<string>();
        var zoneId = schedule["timeZone"]?.GetValue<string>() ?? "UTC";
        try
        {
            CronSchedule.Parse(cron);
        }
        catch (CronFormatException e)
        {
            errors.Add(new JobFileError(file, "/schedule/cron", $"'{cron}' is not a cron expression: {e.Message}"));
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            errors.Add(new JobFileError(file, "/schedule/timeZone", $"unknown time zone '{zoneId}'"));
            zone = TimeZoneInfo.Utc;
        }

        return new JobSchedule(cron, zone);
    }
}
