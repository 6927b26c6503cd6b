using CupsAndString.Lab;

namespace CupsAndString.Cli.Verbs;

/// <summary>One ping between two containers of the demo.</summary>
internal sealed record DemoPing(LabContainer From, LabContainer To, PingResult Result)
{
    public bool CrossesOverlay => From.Host != To.Host;
}
