using CupsAndString.Cli;

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupt.Cancel();
};

return await CommandLine.RunAsync(args, CliContext.FromConsole(), VerbCatalog.All, interrupt.Token);
