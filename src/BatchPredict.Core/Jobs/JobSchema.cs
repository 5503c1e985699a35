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
        var result = Schema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (result.IsValid)
        {
            return [];
        }

        var errors = new List<JobFileError>();
        Collect(file, result, errors);
        return errors.Count > 0 ? errors.Distinct() : [new JobFileError(file, "", "does not match jobs.schema.json")];
    }

    /// <summary>
    /// Only failures that make the document invalid: a subschema that failed under a parent that still passed (an
    /// "if" that selects nothing, the other branch of a oneOf) is not an error of the file.
    /// </summary>
    private static void Collect(string file, EvaluationResults node, List<JobFileError> errors)
    {
        if (node.IsValid || node.EvaluationPath.ToString().EndsWith("/if", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            errors.Add(new JobFileError(file, node.InstanceLocation.ToString(), $"{message} ({keyword})"));
        }

        foreach (var child in node.Details)
        {
            Collect(file, child, errors);
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
