using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace CupsAndString.ControlPlane.Tests.Fixtures;

/// <summary>
/// The PostgreSQL and RabbitMQ the tests run against: those named by CUPS_TEST_POSTGRES and
/// CUPS_TEST_RABBITMQ when set, otherwise containers started once for the whole test run.
/// </summary>
public static class TestServices
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (string Postgres, string RabbitMq)? _addresses;

    public static async Task<(string Postgres, string RabbitMq)> GetAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            return _addresses ??= await ResolveAsync(cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<(string Postgres,
        string RabbitMq)> ResolveAsync(CancellationToken cancellationToken)
    {
        var postgres = Environment.GetEnvironmentVariable("CUPS_TEST_POSTGRES");
        if (string.IsNullOrEmpty(postgres))
        {
            var container = new PostgreSqlBuilder("postgres:16-alpine").Build();
            await container.StartAsync(cancellationToken);
            postgres = container.GetConnectionString();
        }

        var rabbitMq = Environment.GetEnvironmentVariable("CUPS_TEST_RABBITMQ");
        if (string.IsNullOrEmpty(rabbitMq))
        {
            var container = new RabbitMqBuilder("rabbitmq:3.13-alpine").Build();
            await container.StartAsync(cancellationToken);
            rabbitMq = container.GetConnectionString();
        }

        return (postgres, rabbitMq);
    }
}
