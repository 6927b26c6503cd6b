using Polly;
using Polly.Retry;

namespace CupsAndString.Cli.ControlPlane;

/// <summary>
/// Every retry policy of the executable, declared once here and handed to the components that
/// need one. Each is exponential with jitter and bounded, in attempts or in delay.
/// </summary>
public static class ResiliencePipelines
{
    /// <summary>
    /// Connecting to the broker or the database at start: three quick attempts, so an operator hears
    /// about a service that is down within about five seconds.
    /// </summary>
    public static ResiliencePipeline StartupConnect { get; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<ServiceUnavailableException>(),
            MaxRetryAttempts = 2,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(300),
        })
        .Build();

    /// <summary>
    /// An agent asking for its overlay's snapshot: retried until it succeeds or the agent stops,
    /// with the pause between attempts growing up to half a minute.
    /// </summary>
    public static ResiliencePipeline AgentSnapshot { get; } = SnapshotRetry(
        TimeSpan.FromMilliseconds(500),
        TimeSpan.FromSeconds(30));

    /// <summary>A snapshot retry with chosen pauses (tests use short ones).</summary>
    public static ResiliencePipeline SnapshotRetry(TimeSpan firstDelay, TimeSpan maxDelay) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<Exception>(e => e is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = firstDelay,
                MaxDelay = maxDelay,
            })
            .Build();
}
