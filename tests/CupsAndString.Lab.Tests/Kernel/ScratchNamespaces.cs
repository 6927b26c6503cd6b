using CupsAndString.NodeAgent.Linux;

namespace CupsAndString.Lab.Tests.Kernel;

/// <summary>
/// Network namespaces made for one test, named with a random prefix of their own so parallel
/// runs and leftovers never collide; disposing removes exactly those.
/// </summary>
public sealed class ScratchNamespaces : IDisposable
{
    private readonly List<string> created = [];

    public ScratchNamespaces()
    {
        Prefix = "ck" + Guid.NewGuid().ToString("N")[..6];
    }

    /// <summary>A prefix of 8 characters, leaving room for link names under 15 characters.</summary>
    public string Prefix { get; }

    public string Create(string suffix)
    {
        var name = $"{Prefix}-{suffix}";
        NetworkNamespace.Create(name);
        created.Add(name);
        return name;
    }

    public void Dispose()
    {
        foreach (var name in created)
        {
            NetworkNamespace.Delete(name);
        }
    }
}
