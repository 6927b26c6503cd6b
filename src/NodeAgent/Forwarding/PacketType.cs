namespace CupsAndString.NodeAgent.Forwarding;

/// <summary>What follows the wire header. The type fixes the header's length.</summary>
public enum PacketType : byte
{
    /// <summary>A plain inner IPv4 packet right after the 8-byte header.</summary>
    Data = 1,
}
