namespace CupsAndString.Commands.Deciding;

/// <summary>The stable codes of the rules a command can break, sent as <c>CommandRejected.Rule</c>.</summary>
public static class Rules
{
    public const string NameInvalid = "name-invalid";
    public const string NameTaken = "name-taken";
    public const string CidrInvalid = "cidr-invalid";
    public const string CidrNotIpv4 = "cidr-not-ipv4";
    public const string CidrTooSmall = "cidr-too-small";
    public const string CidrOverlap = "cidr-overlap";
    public const string CidrReserved = "cidr-reserved";
    public const string CidrTooWide = "cidr-too-wide";
    public const string NodePrefixInvalid = "node-prefix-invalid";
    public const string PortInvalid = "port-invalid";
    public const string OverlayUnknown = "overlay-unknown";
    public const string OverlayFull = "overlay-full";
    public const string AddressInvalid = "address-invalid";
    public const string NodeUnknown = "node-unknown";
    public const string OverlayHasNodes = "overlay-has-nodes";

    /// <summary>Too many concurrent changes to one stream; the command may simply be sent again.</summary>
    public const string Contended = "contended";
}
