using JasperFx;
using JasperFx.Events;
using Microsoft.Extensions.Logging;

namespace CupsAndString.Commands.Consumers;

/// <summary>
/// Runs load, decide and append again when another writer appended to the same stream in between.
/// Bounded: after <see cref="MaxAttempts"/> the command is answered as contended rather than retried
/// forever. The short random pause spreads out writers that collided.
/// </summary>
internal static class ConflictRetry
{
    public const int MaxAttempts = 30;

    /// <summary>The attempt's result, or null when every attempt ran into a conflict.</summary>
    public static async Task<T?> RunAsync<T>(
        ILogger logger,
        string stream,
        string command,
        Func<CancellationToken, Task<T>> attempt,
        CancellationToken cancellationToken)
        where T : class
    {
        for (var number = 1; number <= MaxAttempts; number++)
        {
            try
            {
                return await attempt(cancellationToken);
            }
            catch (Exception e) when (IsConflict(e))
            {
                CommandLog.Conflict(logger, stream, command, number);
                var pause = Random.Shared.Next(1, 4 + (number * 4));
                await Task.Delay(TimeSpan.FromMilliseconds(pause), cancellationToken);
            }
        }

        CommandLog.GaveUp(logger, command, MaxAttempts, stream);
        return null;
    }

    private static bool IsConflict(Exception e) =>
        e is ConcurrencyException
            or JasperFx.Events.ExistingStreamIdCollisionException
            or Marten.Exceptions.ExistingStreamIdCollisionException
            or EventStreamUnexpectedMaxEventIdException;
}
