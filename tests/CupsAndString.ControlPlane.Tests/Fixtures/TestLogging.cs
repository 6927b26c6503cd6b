using Microsoft.Extensions.Logging;

namespace CupsAndString.ControlPlane.Tests.Fixtures;

/// <summary>Logging for test runs: silent, or on the console when CUPS_TEST_LOG is set.</summary>
public static class TestLogging
{
    public static bool Enabled { get; } =
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CUPS_TEST_LOG"));

    public static ILoggerFactory Factory { get; } = LoggerFactory.Create(Configure);

    public static void Configure(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        if (Enabled)
        {
            logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss.fff ";
            });
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddFilter("Marten", LogLevel.Warning);
        }
    }
}
