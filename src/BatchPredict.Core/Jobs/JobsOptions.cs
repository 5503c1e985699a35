using System.ComponentModel.DataAnnotations;

namespace BatchPredict.Core.Jobs;

/// <summary>Section <c>BatchPredict:Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "BatchPredict:Jobs";

    /// <summary>
    /// Folder of the job files. Default "jobs": the jobs folder in the current directory if there is one, else the
    /// one beside the executable. A relative path is taken from the current directory.
    /// </summary>
    [Required]
    public string Directory { get; set; } = "jobs";

    /// <summary>The folder actually read, following the rule above.</summary>
    public string ResolveDirectory()
    {
        var full = Path.GetFullPath(Directory);
        if (System.IO.Directory.Exists(full) || Path.IsPathRooted(Directory))
        {
            return full;
        }

        return Path.Combine(AppContext.BaseDirectory, Directory);
    }
}
