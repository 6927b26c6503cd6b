using CupsAndString.Commands.Consumers;
using CupsAndString.Projections;
using CupsAndString.Projections.Publishing;
using CupsAndString.Projections.Queries;
using CupsAndString.Projections.Replaying;
using JasperFx;
using JasperFx.Events.Daemon;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CupsAndString.Cli.ControlPlane;

/// <summary>
/// Composes the controller: the command consumers, the query and replay consumers, the inline peer
/// table projection and the subscription that forwards committed changes to the broker. Several
/// controllers may run against one database: appends are guarded by stream versions, and the
/// forwarding subscription runs in one of them at a time (the daemon's hot/cold election).
/// </summary>
public static class ControllerHost
{
    public static IHost Build(ControllerSettings settings, Action<ILoggingBuilder> configureLogging)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        configureLogging(builder.Logging);
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services
            .AddMarten(options =>
            {
                options.Connection(settings.Database.ConnectionString);
                options.DatabaseSchemaName = settings.Schema;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                options.UseSystemTextJsonForSerialization();
                ProjectionsSetup.Configure(options);
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.HotCold)
            .AddSubscriptionWithServices<PeerTablePublisher>(ServiceLifetime.Singleton);

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(settings.Bus.Prefix, false));
            bus.AddConsumer<CreateOverlayConsumer>();
            bus.AddConsumer<AddNodeConsumer>();
            bus.AddConsumer<RemoveNodeConsumer>();
            bus.AddConsumer<RemoveOverlayConsumer>();
            bus.AddConsumer<GetPeerTableConsumer>();
            bus.AddConsumer<ListOverlaysConsumer>();
            bus.AddConsumer<ReplayConsumer>();
            bus.UsingRabbitMq((context, configurator) =>
            {
                ControlPlaneBus.ConfigureHost(configurator, settings.Bus);
                configurator.ConfigureEndpoints(context);
            });
        });

        // Started means serving: a request sent once the host is up finds its queue bound.
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(30);
            options.StopTimeout = TimeSpan.FromSeconds(10);
        });

        return builder.Build();
    }

    /// <summary>Fails with the reason and how to fix it when the database cannot be reached.</summary>
    public static async Task EnsureDatabaseReachableAsync(DatabaseAddress database,
        CancellationToken cancellationToken)
    {
        await ResiliencePipelines.StartupConnect.ExecuteAsync(
            async token =>
            {
                var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Timeout = 2 };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                try
                {
                    await connection.OpenAsync(token);
                }
                catch (PostgresException e)
                {
                    throw new ServiceUnavailableException(
                        $"the database at {database} refused the connection: {e.MessageText}; "
                        + "check --database", e);
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException)
                {
                    var reason = e.InnerException is System.Net.Sockets.SocketException socket
                        && socket.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionRefused
                            ? "connection refused"
                            : e.Message;
                    throw new ServiceUnavailableException(
                        $"cannot reach the database at {database}: {reason}; "
                        + "start PostgreSQL (./configure installs it) or pass --database", e);
                }
            },
            cancellationToken);
    }
}
