namespace CupsAndString.Lab;

/// <summary>
/// The names a lab gives its namespaces and links. Every name starts with the lab's prefix and a
/// dash, so a lab can find and remove exactly what it made (also after a crash), and two labs
/// with different prefixes never touch each other's names. A prefix is 1 to 6 lowercase letters
/// or digits; with it every interface name stays within the kernel's 15 characters.
/// </summary>
public sealed class LabNames
{
    public const int MaxPrefixLength = 6;

    /// <summary>The kernel's limit on an interface name (IFNAMSIZ minus the terminator).</summary>
    public const int MaxInterfaceNameLength = 15;

    public LabNames(string prefix)
    {
        var problem = ValidatePrefix(prefix);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(prefix));
        }

        Prefix = prefix;
    }

    public string Prefix { get; }

    /// <summary>The namespace holding the underlay switch.</summary>
    public string UnderlayNamespace => $"{Prefix}-ul";

    /// <summary>The bridge inside the underlay namespace that joins every host.</summary>
    public string UnderlayBridge => $"{Prefix}-ulbr";

    /// <summary>The bridge in the root namespace that joins every host's management link.</summary>
    public string ManagementBridge => $"{Prefix}-mgmt";

    public string HostNamespace(int host) => $"{Prefix}-h{host}";

    /// <summary>The host's underlay interface, inside the host namespace.</summary>
    public string HostUnderlay(int host) => $"{Prefix}-h{host}ul";

    /// <summary>The underlay switch's end of the host's underlay link.</summary>
    public string HostUnderlayPort(int host) => $"{Prefix}-h{host}ulp";

    /// <summary>The host's management interface, inside the host namespace.</summary>
    public string HostManagement(int host) => $"{Prefix}-h{host}mg";

    /// <summary>The root namespace's end of the host's management link.</summary>
    public string HostManagementPort(int host) => $"{Prefix}-h{host}mgp";

    /// <summary>The bridge standing in for Docker's inside the host namespace.</summary>
    public string HostBridge(int host) => $"{Prefix}-h{host}br";

    public string ContainerNamespace(int host, int container) => $"{Prefix}-h{host}c{container}";

    /// <summary>The container's interface, inside the container namespace.</summary>
    public string ContainerInterface(int host, int container) => $"{Prefix}-h{host}c{container}";

    /// <summary>The host bridge's end of the container's link.</summary>
    public string ContainerPort(int host, int container) => $"{Prefix}-h{host}c{container}p";

    /// <summary>True when a namespace or link name belongs to a lab with this prefix.</summary>
    public bool Owns(string name) => name.StartsWith(Prefix + "-", StringComparison.Ordinal);

    /// <summary>Null when the prefix is usable, otherwise a sentence saying what is wrong.</summary>
    public static string? ValidatePrefix(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix) || prefix.Length > MaxPrefixLength)
        {
            return $"a lab prefix has 1 to {MaxPrefixLength} characters, not '{prefix}'";
        }

        foreach (var c in prefix)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9')))
            {
                return $"lab prefix '{prefix}' contains '{c}'; use lowercase letters and digits only";
            }
        }

        return null;
    }
}
