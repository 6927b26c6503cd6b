using System.Net;
using System.Net.Sockets;

namespace CupsAndString.NodeAgent.Forwarding;

/// <summary>
/// The forwarder could not bind its UDP socket to the local node's endpoint. The message names the
/// port, the overlay and what to do, so the agent can print it as its one line.
/// </summary>
public sealed class UnderlayListenException : IOException
{
    public UnderlayListenException(string overlay, IPEndPoint endPoint, SocketException inner)
        : base(Describe(overlay, endPoint, inner.SocketErrorCode), inner)
    {
        Overlay = overlay;
        EndPoint = endPoint;
        Error = inner.SocketErrorCode;
    }

    public string Overlay { get; }

    public IPEndPoint EndPoint { get; }

    public SocketError Error { get; }

    private static string Describe(string overlay, IPEndPoint endPoint, SocketError error) => error switch
    {
        SocketError.AddressAlreadyInUse =>
            $"failed to listen on UDP port {endPoint.Port} for overlay '{overlay}': address in use, "
                + "probably by another overlay's agent; give the overlays different ports "
                + "(create overlay --port)",
        SocketError.AddressNotAvailable =>
            $"failed to listen on UDP {endPoint} for overlay '{overlay}': {endPoint.Address} is not "
                + "an address of this host; check the node's address in the peer table",
        SocketError.AccessDenied =>
            $"failed to listen on UDP port {endPoint.Port} for overlay '{overlay}': permission denied",
        _ => $"failed to listen on UDP {endPoint} for overlay '{overlay}': {error}",
    };
}
