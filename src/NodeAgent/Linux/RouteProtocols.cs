namespace CupsAndString.NodeAgent.Linux;

/// <summary>Route protocol numbers and tables the agent uses.</summary>
public static class RouteProtocols
{
    /// <summary>
    /// The protocol number that marks routes the agent owns, so a dump can tell them apart from
    /// routes others installed. 85 is not in the kernel's or iproute2's list of assigned numbers;
    /// `ip route show proto 85` lists them.
    /// </summary>
    public const byte Agent = 85;

    /// <summary>Routes an operator added by hand with ip(8) (RTPROT_BOOT).</summary>
    public const byte Boot = 3;

    /// <summary>Routes the kernel adds for an address's prefix (RTPROT_KERNEL).</summary>
    public const byte Kernel = 2;

    /// <summary>The main routing table (RT_TABLE_MAIN).</summary>
    public const uint MainTable = 254;
}
