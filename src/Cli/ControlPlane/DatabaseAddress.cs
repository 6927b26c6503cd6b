using System.Diagnostics.CodeAnalysis;
using Npgsql;

namespace CupsAndString.Cli.ControlPlane;

/// <summary>An Npgsql connection string, checked, with a display form that leaves the password out.</summary>
public sealed record DatabaseAddress(string ConnectionString, string Display)
{
    /// <summary>The loopback default used when no flag, variable or config file names a database.</summary>
    public const string Default =
        "Host=127.0.0.1;Port=5432;Database=cups_and_string;Username=cups_and_string";

    public override string ToString() => Display;

    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out DatabaseAddress? address,
        [NotNullWhen(false)] out string? error)
    {
        address = null;
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or FormatException
            or InvalidCastException or OverflowException)
        {
            error = $"'{text}' is not a connection string; write it as "
                + "Host=...;Port=...;Database=...;Username=...;Password=...";
            return false;
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            error = $"'{text}' names no Host; write it as Host=...;Port=...;Database=...;Username=...";
            return false;
        }

        var display = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        address = new DatabaseAddress(builder.ConnectionString, display);
        error = null;
        return true;
    }
}
