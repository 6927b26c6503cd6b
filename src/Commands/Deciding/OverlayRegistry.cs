using CupsAndString.Contracts.Events;

namespace CupsAndString.Commands.Deciding;

/// <summary>Every overlay ever created, as the registry stream records them.</summary>
public sealed record OverlayRegistry(IReadOnlyList<OverlayRegistered> Overlays)
{
    public static OverlayRegistry Empty { get; } = new([]);

    public OverlayRegistry Apply(object @event) =>
        @event is OverlayRegistered registered ? new OverlayRegistry([.. Overlays, registered]) : this;
}
