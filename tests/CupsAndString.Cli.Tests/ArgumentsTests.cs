using CupsAndString.Cli;

namespace CupsAndString.Cli.Tests;

public sealed class ArgumentsTests
{
    private static readonly HashSet<string> Switches = ["--json", "--keep"];

    [Fact]
    public void A_flag_takes_the_next_word_or_the_text_after_the_equals_sign()
    {
        var arguments = new Arguments(["--overlay", "web", "--address=192.0.2.11"], Switches);

        Assert.Equal("web", arguments.String("--overlay"));
        Assert.Equal("192.0.2.11", arguments.String("--address"));
        arguments.EnsureAllUsed();
    }

    [Fact]
    public void A_switch_does_not_swallow_the_positional_value_after_it()
    {
        var arguments = new Arguments(["--json", "web"], Switches);

        Assert.True(arguments.Switch("--json"));
        Assert.Equal("web", arguments.Positional());
        Assert.Null(arguments.Positional());
    }

    [Fact]
    public void A_misspelt_flag_is_refused_by_name()
    {
        var arguments = new Arguments(["--overlya", "web"], Switches);

        var error = Assert.Throws<UsageException>(arguments.EnsureAllUsed);
        Assert.Equal("unknown flag --overlya; see --help", error.Message);
    }

    [Fact]
    public void A_left_over_positional_value_is_refused()
    {
        var arguments = new Arguments(["web", "extra"], Switches);
        arguments.Positional();

        var error = Assert.Throws<UsageException>(arguments.EnsureAllUsed);
        Assert.Equal("unexpected argument 'extra'; see --help", error.Message);
    }

    [Fact]
    public void A_known_flag_without_a_value_is_refused_when_the_verb_reads_it()
    {
        var arguments = new Arguments(["--overlay"], Switches);

        var error = Assert.Throws<UsageException>(() => arguments.String("--overlay"));
        Assert.Equal("--overlay needs a value", error.Message);
    }

    [Fact]
    public void An_unknown_flag_at_the_end_is_refused_as_unknown()
    {
        var arguments = new Arguments(["--bogus"], Switches);

        var error = Assert.Throws<UsageException>(arguments.EnsureAllUsed);
        Assert.Equal("unknown flag --bogus; see --help", error.Message);
    }

    [Fact]
    public void A_flag_given_twice_is_refused()
    {
        var error = Assert.Throws<UsageException>(
            () => new Arguments(["--port", "1", "--port", "2"], Switches));

        Assert.Equal("--port is given twice", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("80a")]
    public void A_number_outside_its_range_names_the_flag_and_the_range(string text)
    {
        var arguments = new Arguments(["--port", text], Switches);

        var error = Assert.Throws<UsageException>(() => arguments.Int("--port", 1, 65535));
        Assert.Equal($"--port: '{text}' is not a whole number from 1 to 65535", error.Message);
    }

    [Fact]
    public void A_value_given_both_as_argument_and_flag_must_agree()
    {
        var arguments = new Arguments(["web", "--name", "db"], Switches);

        var error = Assert.Throws<UsageException>(() => arguments.PositionalOrFlag("--name"));
        Assert.Equal("--name 'db' disagrees with the argument 'web'", error.Message);
    }
}
