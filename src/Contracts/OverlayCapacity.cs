namespace CupsAndString.Contracts;

/// <summary>
/// How many nodes an overlay holds. Node N takes subnet number N, so the first subnet (number 0)
/// and the last are never handed out: an overlay split into S subnets holds S - 2 nodes.
/// </summary>
public static class OverlayCapacity
{
    public static int Of(Ipv4Prefix cidr, int nodePrefixLength)
    {
        var subnets = cidr.SubnetCount(nodePrefixLength);
        return subnets < 2 ? 0 : (int)Math.Min(subnets - 2, int.MaxValue);
    }
}
