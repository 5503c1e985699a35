namespace BatchPredict.Core.Jobs;

/// <summary>One problem in a job file: the file, the field as a JSON pointer ("" = the whole document) and why.</summary>
public sealed record JobFileError(string File, string Pointer, string Reason)
{
    public override string ToString() => $"{File}: {(Pointer.Length == 0 ? "/" : Pointer)}: {Reason}";
}

/// <summary>Job files that are not valid; the message lists every error so they can all be fixed at once.</summary>
public sealed class JobConfigurationException(IReadOnlyList<JobFileError> errors)
    : BatchPredictException(Describe(errors))
{
    public IReadOnlyList<JobFileError> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<JobFileError> errors) =>
        errors.Count == 1
            ? $"invalid job file {errors[0]}"
            : $"{errors.Count} job file errors: {string.Join("; ", errors)}";
}
