using BatchPredict.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace BatchPredict.Core.Runs;

/// <summary>The retry pipeline of bulk writes: transient Mongo errors only, exponential backoff with jitter.</summary>
public sealed class MongoRetry(IOptions<RunsOptions> options, TimeProvider time, ILogger<MongoRetry> logger)
{
    public ResiliencePipeline ForRun(string runId)
    {
        var o = options.Value;
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(MongoTransientErrors.IsTransient),
                MaxRetryAttempts = o.WriteAttempts - 1,
                Delay = o.WriteRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    logger.WriteRetry(args.Outcome.Exception, runId, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            })
            .Build();
    }
}
