using CupsAndString.Cli;
using CupsAndString.Cli.Verbs;

namespace CupsAndString.Cli.Tests;

public sealed class CommandLineTests
{
    private sealed class EchoVerb : IVerb
    {
        public string Name => "show thing";

        public string Summary => "show a thing";

        public string Help => "usage: cups-and-string show thing NAME";

        public IReadOnlySet<string> Switches { get; } = new HashSet<string>();

        public Task<int> RunAsync(
            CliContext context,
            Arguments arguments,
            CancellationToken cancellationToken)
        {
            var name = arguments.Positional() ?? throw new UsageException("NAME is required");
            arguments.EnsureAllUsed();
            if (name == "boom")
            {
                throw new InvalidOperationException("the thing exploded");
            }

            context.Out.WriteLine($"thing {name}");
            return Task.FromResult(ExitCodes.Ok);
        }
    }

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(
            output, error, TextReader.Null, false, new Dictionary<string, string?>());
        var code = CommandLine.RunAsync(args, context, [new EchoVerb()], CancellationToken.None)
            .GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_known_verb_runs_with_the_words_after_it()
    {
        var (code, output, error) = Run("show", "thing", "cup");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("thing cup\n", output);
        Assert.Equal("", error);
    }

    [Fact]
    public void An_unknown_verb_is_one_line_and_exit_code_2()
    {
        var (code, _, error) = Run("make", "tea");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("cups-and-string: unknown command 'make tea'; run 'cups-and-string --help'\n", error);
    }

    [Fact]
    public void A_usage_error_is_prefixed_with_the_verb_name()
    {
        var (code, _, error) = Run("show", "thing", "cup", "--colour", "red");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("cups-and-string show thing: unknown flag --colour; see --help\n", error);
    }

    [Fact]
    public void An_unexpected_failure_is_one_line_without_a_stack_trace()
    {
        var (code, _, error) = Run("show", "thing", "boom");

        Assert.Equal(ExitCodes.Internal, code);
        Assert.Equal("cups-and-string show thing: unexpected error: the thing exploded\n", error);
    }

    [Fact]
    public void Help_after_a_verb_prints_its_help_and_succeeds()
    {
        var (code, output, _) = Run("show", "thing", "--help");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("usage: cups-and-string show thing NAME\n", output);
    }

    [Fact]
    public void No_arguments_lists_the_verbs_and_fails()
    {
        var (code, output, _) = Run();

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("  show thing  show a thing", output);
    }

    [Fact]
    public void The_first_word_of_a_verb_alone_lists_the_verbs_it_starts_and_fails()
    {
        var (code, output, error) = Run("show");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("", output);
        Assert.Equal("cups-and-string show: say what to show:\n  show thing  show a thing\n", error);
    }

    [Fact]
    public void The_first_word_of_a_verb_with_help_lists_the_verbs_it_starts()
    {
        var (code, output, _) = Run("show", "--help");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("  show thing  show a thing\n", output);
    }

    [Fact]
    public async Task Dash_dash_version_is_the_version_verb()
    {
        var output = new StringWriter();
        var context = new CliContext(output, new StringWriter(), TextReader.Null, false,
            new Dictionary<string, string?>());

        var code = await CommandLine.RunAsync(["--version"], context, [new VersionVerb()], CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("cups-and-string ", output.ToString());
    }
}
