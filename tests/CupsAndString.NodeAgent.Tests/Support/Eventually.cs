using System.Diagnostics;

namespace CupsAndString.NodeAgent.Tests.Support;

/// <summary>Waits for something another thread brings about, for five seconds at the most.</summary>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    /// <summary>True as soon as the condition holds; false when it still fails after the limit.</summary>
    public static async Task<bool> WaitUntilAsync(
        Func<bool> condition,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Limit)
            {
                return false;
            }

            await Task.Delay(20, cancellationToken);
        }

        return true;
    }
}
