using System.Text.Json.Nodes;
using Json.Schema;

namespace BatchPredict.Core.Jobs;

/// <summary>
/// jobs/jobs.schema.json, embedded in this assembly so validation never depends on where the file was copied;
/// the copy in jobs/ is the same file, there for editors.
/// </summary>
public static class JobSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    public static IEnumerable<JobFileError> Validate(string file, JsonNode document)
    {
        var result = Schema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            yield break;
        }

        var any = false;
        foreach (var detail in result.Details.Where(d => d.HasErrors))
        {
            foreach (var (keyword, message) in detail.Errors!)
            {
                any = true;
                yield return new JobFileError(file, detail.InstanceLocation.ToString(), $"{message} ({keyword})");
            }
        }

        if (!any)
        {
            yield return new JobFileError(file, "", "does not match jobs.schema.json");
        }
    }

    private static JsonSchema Load()
    {
        using var stream = typeof(JobSchema).Assembly.GetManifestResourceStream("BatchPredict.Core.Jobs.jobs.schema.json")
            ?? throw new InvalidOperationException("jobs.schema.json is not embedded in BatchPredict.Core.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    }
}
