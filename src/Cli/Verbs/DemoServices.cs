using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CupsAndString.Cli.ControlPlane;

namespace CupsAndString.Cli.Verbs;

/// <summary>
/// The broker and database the demo drives, and the checks that they run on this machine and
/// answer before any namespace is built.
/// </summary>
internal sealed record DemoServices(string Broker, string Database)
{
    public const string BrokerVariable = "CUPS_AND_STRING_BROKER";

    public const string DatabaseVariable = "CUPS_AND_STRING_DATABASE";

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Finds the services the way every verb does: the flag, the environment, the config file,
    /// then the loopback defaults.
    /// </summary>
    public static DemoServices Resolve(
        CliContext context,
        string? brokerFlag,
        string? databaseFlag,
        string? configFlag)
    {
        var broker = ServiceAddresses.ResolveBroker(context, brokerFlag, configFlag);
        var database = ServiceAddresses.ResolveDatabase(context, databaseFlag, configFlag);
        return new DemoServices(broker.ConnectionUri, database.ConnectionString);
    }

    public Uri BrokerUri =>
        Uri.TryCreate(Broker, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps"
            ? uri
            : throw new UsageException(
                $"the broker address '{Broker}' is not an amqp:// URI; fix {BrokerVariable}");

    public int BrokerPort => BrokerUri.Port > 0 ? BrokerUri.Port : 5672;

    /// <summary>The broker address as agents inside the lab see it: over the management link.</summary>
    public string BrokerSeenFrom(IPAddress managementRoot) =>
        new UriBuilder(BrokerUri) { Host = managementRoot.ToString(), Port = BrokerPort }.Uri.ToString();

    /// <summary>
    /// Throws a UsageException saying what to do unless both services answer on this machine.
    /// </summary>
    public async Task EnsureReachableAsync(CancellationToken cancellationToken)
    {
        var broker = BrokerUri;
        if (!IsThisMachine(broker.Host))
        {
            throw new UsageException(
                $"the demo's agents reach the broker over the lab's own link, so RabbitMQ must run on "
                + $"this machine; {BrokerVariable} points at '{broker.Host}'",
                ExitCodes.Usage);
        }

        await EnsureListeningAsync(
            "the broker (RabbitMQ)",
            broker.Host,
            BrokerPort,
            BrokerVariable,
            cancellationToken);

        var (host, port) = DatabaseEndpoint();
        await EnsureListeningAsync(
            "the database (PostgreSQL)",
            host,
            port,
            DatabaseVariable,
            cancellationToken);
    }

    private (string Host, int Port) DatabaseEndpoint()
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = Database;
        }
        catch (ArgumentException e)
        {
            throw new UsageException(
                $"the database connection string is malformed ({e.Message}); fix {DatabaseVariable}");
        }

        var host = Value(builder, "Host");
        var port = Value(builder, "Port");
        var number = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var given)
            ? given
            : 5432;
        return (string.IsNullOrEmpty(host) ? "127.0.0.1" : host.Split(',')[0], number);
    }

    private static string? Value(DbConnectionStringBuilder builder, string key) =>
        builder.TryGetValue(key, out var value)
            ? Convert.ToString(value, CultureInfo.InvariantCulture)
            : null;

    private static bool IsThisMachine(string host)
    {
        if (host == "localhost")
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    private static async Task EnsureListeningAsync(
        string what,
        string host,
        int port,
        string variable,
        CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(ConnectTimeout);
        using var client = new TcpClient();
        string reason;
        try
        {
            await client.ConnectAsync(host, port, limit.Token);
            return;
        }
        catch (SocketException e)
        {
            reason = e.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused" : e.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            reason = $"no answer within {ConnectTimeout.TotalSeconds:0} s";
        }

        throw new UsageException(
            $"cannot reach {what} at {host}:{port} ({reason}); start it (./configure installs and starts "
            + $"both services) or point {variable} at a running one",
            ExitCodes.Unavailable);
    }
}
