using Xunit;

namespace CupsAndString.Cli.Tests.Verbs;

/// <summary>A fact that needs root (the agent opens a TUN device); skipped for other users.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Skip = "needs root to open a TUN device";
        }
    }
}
