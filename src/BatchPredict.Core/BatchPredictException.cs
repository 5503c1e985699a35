namespace BatchPredict.Core;

/// <summary>
/// The root of BatchPredict's own errors: configuration and input problems a user can act on.
/// The CLI prints <see cref="Exception.Message"/> (never a stack trace) and exits non-zero.
/// </summary>
public class BatchPredictException : Exception
{
    public BatchPredictException(string message)
        : base(message)
    {
    }

    public BatchPredictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
