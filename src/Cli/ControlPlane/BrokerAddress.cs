using System.Diagnostics.CodeAnalysis;

namespace CupsAndString.Cli.ControlPlane;

/// <summary>
/// Where RabbitMQ listens, parsed from amqp://user:password@host:port/vhost. The display form
/// leaves the password out so it can appear in messages and logs.
/// </summary>
public sealed record BrokerAddress(string Host, int Port, string VirtualHost, string Username,
    string Password)
{
    public const int DefaultPort = 5672;

    /// <summary>The loopback default used when no flag, variable or config file names a broker.</summary>
    public const string Default = "amqp://guest:guest@127.0.0.1:5672/";

    public string Display => $"amqp://{Host}:{Port}/{VirtualHostPath}";

    /// <summary>The full URI, password included, for handing to a child process's environment.</summary>
    public string ConnectionUri =>
        $"amqp://{Uri.EscapeDataString(Username)}:{Uri.EscapeDataString(Password)}"
        + $"@{Host}:{Port}/{VirtualHostPath}";

    private string VirtualHostPath => VirtualHost == "/" ? "" : Uri.EscapeDataString(VirtualHost);

    public override string ToString() => Display;

    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out BrokerAddress? address,
        [NotNullWhen(false)] out string? error)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text)
            || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || uri.Scheme != "amqp"
            || string.IsNullOrEmpty(uri.Host))
        {
            error = $"'{text}' is not a broker address; write it as amqp://user:password@host:port/vhost";
            return false;
        }

        var user = "guest";
        var password = "guest";
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var colon = uri.UserInfo.IndexOf(':');
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? "" : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        var path = uri.AbsolutePath.TrimStart('/');
        var virtualHost = path.Length == 0 ? "/" : Uri.UnescapeDataString(path);
        var port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port;
        address = new BrokerAddress(uri.IdnHost, port, virtualHost, user, password);
        error = null;
        return true;
    }
}
