using System.ComponentModel.DataAnnotations;

namespace BatchPredict.Core.Storage;

/// <summary>Where BatchPredict keeps its own collections. Section <c>BatchPredict:Mongo</c>.</summary>
public sealed class MongoOptions
{
    public const string Section = "BatchPredict:Mongo";

    /// <summary>Database holding the source collections, the model registry, runs and Hangfire's state.</summary>
    [Required]
    [RegularExpression("^[^/\\\\. \"$]{1,63}$", ErrorMessage = "Database must be a valid MongoDB database name.")]
    public string Database { get; set; } = "batchpredict";
}
