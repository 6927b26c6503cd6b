namespace CupsAndString.Cli;

/// <summary>
/// Picks the verb from the leading words, runs it, and turns every failure into one line on
/// stderr and an exit code. Set CUPS_AND_STRING_DEBUG=1 to see the stack of an unexpected error.
/// </summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(
        string[] args,
        CliContext context,
        IReadOnlyList<IVerb> verbs,
        CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            WriteUsage(context.Out, verbs);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        if (args[0] is "--version" or "-v")
        {
            args = ["version", .. args.Skip(1)];
        }

        var verb = Find(args, verbs, out var consumed);
        var group = verbs.Where(v => v.Name.StartsWith(args[0] + " ", StringComparison.Ordinal)).ToList();
        if (verb is null && group.Count > 0)
        {
            // "create" or "list" alone: show the commands that start with it.
            var asked = args.Skip(1).Any(a => a is "--help" or "-h");
            var output = asked ? context.Out : context.Error;
            if (!asked)
            {
                output.WriteLine($"cups-and-string {args[0]}: say what to {args[0]}:");
            }

            WriteVerbs(output, group);
            return asked ? ExitCodes.Ok : ExitCodes.Usage;
        }

        if (verb is null)
        {
            var words = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(2));
            context.Error.WriteLine(
                $"cups-and-string: unknown command '{words}'; run 'cups-and-string --help'");
            return ExitCodes.Usage;
        }

        var rest = args.Skip(consumed).ToArray();
        if (rest.Any(a => a is "--help" or "-h"))
        {
            context.Out.WriteLine(verb.Help);
            return ExitCodes.Ok;
        }

        try
        {
            var arguments = new Arguments(rest, verb.Switches);
            return await verb.RunAsync(context, arguments, cancellationToken);
        }
        catch (UsageException e)
        {
            context.Error.WriteLine($"cups-and-string {verb.Name}: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Error.WriteLine($"cups-and-string {verb.Name}: interrupted");
            return 130;
        }
        catch (Exception e)
        {
            context.Error.WriteLine($"cups-and-string {verb.Name}: unexpected error: {e.Message}");
            if (context.GetEnvironment("CUPS_AND_STRING_DEBUG") is not null)
            {
                context.Error.WriteLine(e.ToString());
            }

            return ExitCodes.Internal;
        }
    }

    private static IVerb? Find(string[] args, IReadOnlyList<IVerb> verbs, out int consumed)
    {
        foreach (var verb in verbs.OrderByDescending(v => v.Name.Count(c => c == ' ')))
        {
            var words = verb.Name.Split(' ');
            if (words.Length <= args.Length && words.Select((w, i) => args[i] == w).All(match => match))
            {
                consumed = words.Length;
                return verb;
            }
        }

        consumed = 0;
        return null;
    }

    private static void WriteUsage(TextWriter output, IReadOnlyList<IVerb> verbs)
    {
        output.WriteLine("usage: cups-and-string <command> [flags]   (--help after a command for its flags)");
        output.WriteLine();
        WriteVerbs(output, verbs);
    }

    private static void WriteVerbs(TextWriter output, IReadOnlyList<IVerb> verbs)
    {
        var width = verbs.Max(v => v.Name.Length);
        foreach (var verb in verbs)
        {
            output.WriteLine($"  {verb.Name.PadRight(width)}  {verb.Summary}");
        }
    }
}
