using Xunit;

namespace CupsAndString.NodeAgent.Tests.Support;

/// <summary>A fact that needs root (TUN devices, network namespaces); skipped for other users.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Skip = "needs root to create TUN devices and network namespaces";
        }
    }
}
