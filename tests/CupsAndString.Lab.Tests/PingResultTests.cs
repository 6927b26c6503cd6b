using CupsAndString.Lab;

namespace CupsAndString.Lab.Tests;

public sealed class PingResultTests
{
    [Fact]
    public void A_ping_where_every_reply_came_back_succeeds_with_its_average_round_trip()
    {
        var result = PingResult.Parse(
            """
            PING 10.10.3.2 (10.10.3.2) 56(84) bytes of data.

            --- 10.10.3.2 ping statistics ---
            3 packets transmitted, 3 received, 0% packet loss, time 402ms
            rtt min/avg/max/mdev = 0.061/0.092/0.140/0.034 ms
            """);

        Assert.True(result.Succeeded);
        Assert.Equal((3, 3), (result.Sent, result.Received));
        Assert.Equal(TimeSpan.FromMilliseconds(0.092), result.AverageRoundTrip);
    }

    [Fact]
    public void A_ping_with_a_lost_reply_fails()
    {
        var result = PingResult.Parse(
            """
            3 packets transmitted, 2 received, 33.3333% packet loss, time 405ms
            rtt min/avg/max/mdev = 0.061/0.070/0.080/0.010 ms
            """);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Received);
    }

    [Fact]
    public void A_ping_with_no_replies_has_no_round_trip_and_fails()
    {
        var result = PingResult.Parse(
            "1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms\n");

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.Sent);
        Assert.Null(result.AverageRoundTrip);
    }

    [Fact]
    public void Output_without_a_summary_counts_as_a_failed_ping()
    {
        var result = PingResult.Parse("ping: connect: Network is unreachable\n");

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Sent);
    }
}
