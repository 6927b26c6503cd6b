using CupsAndString.Lab;

namespace CupsAndString.Cli.Verbs;

/// <summary>The demo's web request: who asked whom, what came back, and whether the server saw it.</summary>
internal sealed record DemoFetch(
    LabContainer Client,
    LabContainer Server,
    Uri Url,
    CommandResult Result,
    string ExpectedBody,
    int ServedRequests)
{
    public bool Succeeded => Result.Succeeded && Result.Output.Trim() == ExpectedBody && ServedRequests > 0;
}
