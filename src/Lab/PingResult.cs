using System.Globalization;
using System.Text.RegularExpressions;

namespace CupsAndString.Lab;

/// <summary>What ping(8) reported: how many replies came back and the average round trip.</summary>
public sealed partial record PingResult(int Sent, int Received, TimeSpan? AverageRoundTrip, string Output)
{
    public bool Succeeded => Sent > 0 && Received == Sent;

    /// <summary>Reads the summary lines of iputils ping; counts stay 0 when they are missing.</summary>
    public static PingResult Parse(string output)
    {
        var counts = CountsPattern().Match(output);
        var sent = counts.Success ? int.Parse(counts.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var received = counts.Success ? int.Parse(counts.Groups[2].Value, CultureInfo.InvariantCulture) : 0;

        var rtt = RoundTripPattern().Match(output);
        TimeSpan? average = rtt.Success
            ? TimeSpan.FromMilliseconds(double.Parse(rtt.Groups[1].Value, CultureInfo.InvariantCulture))
            : null;

        return new PingResult(sent, received, average, output);
    }

    [GeneratedRegex(@"(\d+) packets transmitted, (\d+) (?:packets )?received")]
    private static partial Regex CountsPattern();

    [GeneratedRegex(@"= [\d.]+/([\d.]+)/[\d.]+/[\d.]+ ms")]
    private static partial Regex RoundTripPattern();
}
