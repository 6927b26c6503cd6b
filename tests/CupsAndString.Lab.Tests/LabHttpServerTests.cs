using System.Net;
using System.Net.Sockets;
using CupsAndString.Lab;

namespace CupsAndString.Lab.Tests;

public sealed class LabHttpServerTests
{
    [Fact]
    public async Task A_get_request_receives_the_body_and_is_counted()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        await using var server = LabHttpServer.Start(listener, "hello from the lab");
        using var client = new HttpClient();

        var body = await client.GetStringAsync(new Uri($"http://127.0.0.1:{server.Endpoint.Port}/"));

        Assert.Equal("hello from the lab", body);
        Assert.Equal(1, server.Served);
    }

    [Fact]
    public async Task A_client_that_closes_before_finishing_its_request_gets_nothing_and_is_not_counted()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        await using var server = LabHttpServer.Start(listener, "unused");
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, server.Endpoint.Port);
            await client.GetStream().WriteAsync("GET / HTTP/1.1\r\n"u8.ToArray());
        }

        using var second = new HttpClient();
        await second.GetStringAsync(new Uri($"http://127.0.0.1:{server.Endpoint.Port}/"));

        Assert.Equal(1, server.Served);
    }
}
