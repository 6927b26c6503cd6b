using Microsoft.Extensions.Logging;

namespace CupsAndString.Cli.ControlPlane;

/// <summary>
/// The controller's console logging: one line per message, library chatter only from Warning.
/// </summary>
internal static class ControllerLogging
{
    public static void Configure(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        logging.SetMinimumLevel(LogLevel.Information);
        foreach (var chatty in new[] { "MassTransit", "Marten", "JasperFx", "Npgsql", "Microsoft", "Weasel" })
        {
            logging.AddFilter(chatty, LogLevel.Warning);
        }
    }
}
