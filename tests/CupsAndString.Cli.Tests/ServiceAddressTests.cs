using CupsAndString.Cli.ControlPlane;
using Xunit;

namespace CupsAndString.Cli.Tests;

public sealed class ServiceAddressTests : IDisposable
{
    private readonly string _config = Path.Combine(Path.GetTempPath(), $"cas-config-{Guid.NewGuid():N}.json");

    public ServiceAddressTests() => File.WriteAllText(
        _config, """{"broker": "amqp://c:c@127.0.0.3:3/", "database": "Host=127.0.0.3;Database=fromfile"}""");

    public void Dispose() => File.Delete(_config);

    private static CliContext Context(Dictionary<string, string?> environment) =>
        new(TextWriter.Null, TextWriter.Null, TextReader.Null, false, environment);

    [Fact]
    public void The_flag_wins_over_the_variable_and_the_config_file()
    {
        var context = Context(new() { [ServiceAddresses.BrokerVariable] = "amqp://127.0.0.2:2/" });

        var broker = ServiceAddresses.ResolveBroker(context, "amqp://u:p@127.0.0.1:1/v", _config);

        Assert.Equal(new BrokerAddress("127.0.0.1", 1, "v", "u", "p"), broker);
    }

    [Fact]
    public void The_variable_wins_over_the_config_file()
    {
        var context = Context(new() { [ServiceAddresses.BrokerVariable] = "amqp://127.0.0.2:2/" });

        var broker = ServiceAddresses.ResolveBroker(context, null, _config);

        Assert.Equal(new BrokerAddress("127.0.0.2", 2, "/", "guest", "guest"), broker);
    }

    [Fact]
    public void The_config_file_named_by_its_variable_is_used_when_no_flag_or_variable_names_a_service()
    {
        var context = Context(new() { [ServiceAddresses.ConfigVariable] = _config });

        var broker = ServiceAddresses.ResolveBroker(context, null, null);
        var database = ServiceAddresses.ResolveDatabase(context, null, null);

        Assert.Equal(("127.0.0.3", 3), (broker.Host, broker.Port));
        Assert.Equal("postgresql://127.0.0.3:5432/fromfile", database.Display);
    }

    [Fact]
    public void Without_any_setting_the_defaults_point_at_loopback()
    {
        var context = Context([]);
        var noFile = Path.Combine(Path.GetTempPath(), $"cas-absent-{Guid.NewGuid():N}.json");

        var broker = ServiceAddresses.ResolveBroker(context, null, null, noFile);
        var database = ServiceAddresses.ResolveDatabase(context, null, null, noFile);

        Assert.Equal(new BrokerAddress("127.0.0.1", 5672, "/", "guest", "guest"), broker);
        Assert.Equal("postgresql://127.0.0.1:5432/cups_and_string", database.Display);
    }

    [Fact]
    public void The_display_form_of_a_broker_leaves_the_password_out()
    {
        Assert.True(BrokerAddress.TryParse("amqp://cas:secret@127.0.0.1:45672/lab", out var broker, out _));

        Assert.Equal("amqp://127.0.0.1:45672/lab", broker.Display);
        Assert.DoesNotContain("secret", broker.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_path_that_is_a_directory_is_refused_as_a_directory()
    {
        var folder = Path.GetTempPath().TrimEnd('/');

        var error = Assert.Throws<UsageException>(
            () => ServiceAddresses.ResolveBroker(Context([]), null, folder));

        Assert.Equal($"config file {folder} is a directory", error.Message);
    }

    [Fact]
    public void A_config_file_that_is_not_json_names_the_file_and_the_line()
    {
        File.WriteAllText(_config, "{\n  \"broker\": 5\n}");

        var error = Assert.Throws<UsageException>(
            () => ServiceAddresses.ResolveBroker(Context([]), null, _config));

        Assert.Equal(
            $"{_config} is not a config file (line 2, at $.broker); write it as "
                + "{\"broker\": \"amqp://...\", \"database\": \"Host=...\"}",
            error.Message);
    }

    [Fact]
    public void A_database_string_the_driver_cannot_read_is_refused_with_its_form()
    {
        var error = Assert.Throws<UsageException>(
            () => ServiceAddresses.ResolveDatabase(Context([]), "garbage=;;", null));

        Assert.Equal(
            "--database: 'garbage=;;' is not a connection string; write it as "
                + "Host=...;Port=...;Database=...;Username=...;Password=...",
            error.Message);
    }

    [Fact]
    public void The_connection_uri_of_a_broker_parses_back_to_the_same_address()
    {
        Assert.True(BrokerAddress.TryParse("amqp://c%40s:p%2Fw@127.0.0.1:45672/lab%2F1", out var broker, out _));

        Assert.True(BrokerAddress.TryParse(broker.ConnectionUri, out var again, out _));
        Assert.Equal(broker, again);
        Assert.Equal(("c@s", "p/w", "lab/1"), (again.Username, again.Password, again.VirtualHost));
    }
}
