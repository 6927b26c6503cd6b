using CupsAndString.Cli.ControlPlane;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;

namespace CupsAndString.ControlPlane.Tests.Fixtures;

/// <summary>
/// A controller running in the test process with a schema and a broker prefix of its own, so test
/// classes never see each other's events, queues or exchanges.
/// </summary>
public sealed class ControlPlaneFixture : IAsyncLifetime
{
    private IHost? _host;

    public string Tag { get; } = Guid.NewGuid().ToString("N")[..10];

    public BusSettings Bus { get; private set; } = null!;

    public ControllerSettings Controller { get; private set; } = null!;

    public IDocumentStore Store => _host!.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        var (postgres, rabbitMq) = await TestServices.GetAsync(CancellationToken.None);
        if (!BrokerAddress.TryParse(rabbitMq, out var broker, out var brokerProblem))
        {
            throw new InvalidOperationException($"CUPS_TEST_RABBITMQ: {brokerProblem}");
        }

        if (!DatabaseAddress.TryParse(postgres, out var database, out var databaseProblem))
        {
            throw new InvalidOperationException($"CUPS_TEST_POSTGRES: {databaseProblem}");
        }

        Bus = new BusSettings(broker, $"t{Tag}-", TimeSpan.FromSeconds(30));
        Controller = new ControllerSettings(Bus, database, $"t{Tag}");
        _host = ControllerHost.Build(Controller, TestLogging.Configure);
        await _host.StartAsync();
    }

    public Task<ControlPlaneClient> ConnectAsync(CancellationToken cancellationToken = default) =>
        ControlPlaneClient.ConnectAsync(Bus, TimeSpan.FromSeconds(30), cancellationToken);

    /// <summary>How many events the stream holds (0 when it does not exist).</summary>
    public async Task<long> StreamVersionAsync(string streamKey,
        CancellationToken cancellationToken = default)
    {
        await using var session = Store.QuerySession();
        var state = await session.Events.FetchStreamStateAsync(streamKey, cancellationToken);
        return state?.Version ?? 0;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        await using var connection = new NpgsqlConnection(Controller.Database.ConnectionString);
        await connection.OpenAsync();
        var sql = $"DROP SCHEMA IF EXISTS {Controller.Schema} CASCADE";
        await using var drop = new NpgsqlCommand(sql, connection);
        await drop.ExecuteNonQueryAsync();
    }
}
