namespace CupsAndString.Contracts;

/// <summary>The values an overlay gets when the operator does not choose them.</summary>
public static class OverlayDefaults
{
    /// <summary>The address range shared by every container of the overlay.</summary>
    public const string Cidr = "10.10.0.0/16";

    /// <summary>The prefix length of the subnet each node hands to its containers.</summary>
    public const int NodePrefixLength = 24;

    /// <summary>The UDP port every agent of the overlay listens on.</summary>
    public const int Port = 8285;
}
