using System.Text.Json;

namespace CupsAndString.Cli.ControlPlane;

/// <summary>
/// Resolves where the broker and the database are: the flag, then the environment variable, then
/// the config file, then the loopback default. A bad value is reported naming where it came from.
/// </summary>
public static class ServiceAddresses
{
    public const string BrokerVariable = "CUPS_AND_STRING_BROKER";
    public const string DatabaseVariable = "CUPS_AND_STRING_DATABASE";
    public const string ConfigVariable = "CUPS_AND_STRING_CONFIG";
    public const string DefaultConfigPath = "/etc/cups-and-string/config.json";

    public static BrokerAddress ResolveBroker(
        CliContext context,
        string? flag,
        string? configFlag,
        string defaultConfigPath = DefaultConfigPath)
    {
        var (text, source) = Pick(
            context, flag, "--broker", BrokerVariable, configFlag, defaultConfigPath, "broker",
            BrokerAddress.Default);
        return BrokerAddress.TryParse(text, out var address, out var error)
            ? address
            : throw new UsageException($"{source}: {error}");
    }

    public static DatabaseAddress ResolveDatabase(
        CliContext context,
        string? flag,
        string? configFlag,
        string defaultConfigPath = DefaultConfigPath)
    {
        var (text, source) = Pick(
            context, flag, "--database", DatabaseVariable, configFlag, defaultConfigPath, "database",
            DatabaseAddress.Default);
        return DatabaseAddress.TryParse(text, out var address, out var error)
            ? address
            : throw new UsageException($"{source}: {error}");
    }

    private static (string Text, string Source) Pick(
        CliContext context,
        string? flagValue,
        string flag,
        string variable,
        string? configFlag,
        string defaultConfigPath,
        string configKey,
        string fallback)
    {
        if (configFlag is not null && !File.Exists(configFlag) && !Directory.Exists(configFlag))
        {
            throw new UsageException($"--config: {configFlag} does not exist");
        }

        if (flagValue is not null)
        {
            return (flagValue, flag);
        }

        if (context.GetEnvironment(variable) is { } fromEnvironment)
        {
            return (fromEnvironment, variable);
        }

        var (path, required) = configFlag is not null
            ? (configFlag, true)
            : context.GetEnvironment(ConfigVariable) is { } fromVariable
                ? (fromVariable, true)
                : (defaultConfigPath, false);
        if (ReadConfig(path, required) is { } config
            && config.TryGetValue(configKey, out var fromConfig) && fromConfig is not null)
        {
            return (fromConfig, $"{path} ({configKey})");
        }

        return (fallback, "default");
    }

    private static Dictionary<string, string?>? ReadConfig(string path, bool required)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"config file {path} is a directory");
        }

        if (!File.Exists(path))
        {
            return required
                ? throw new UsageException($"--config: {path} does not exist")
                : null;
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (UnauthorizedAccessException)
        {
            throw new UsageException(
                $"cannot read {path}: permission denied (it holds the service passwords); run as root, "
                + $"or give --broker (or {BrokerVariable})");
        }
        catch (IOException e)
        {
            throw new UsageException($"cannot read {path}: {e.Message}");
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string?>>(json)
                ?? throw new JsonException();
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}{PathOf(e)})" : "";
            throw new UsageException(
                $"{path} is not a config file{where}; write it as "
                + "{\"broker\": \"amqp://...\", \"database\": \"Host=...\"}");
        }
    }

    private static string PathOf(JsonException e) =>
        string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $", at {e.Path}";
}
