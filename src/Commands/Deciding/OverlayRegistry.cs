using CupsAndString.Contracts.Events;

namespace CupsAndString.Commands.Deciding;

/// <summary>
/// Every live overlay, as the registry stream records them: a deregistration frees the name, the
/// id and the CIDR of the overlay it names.
/// </summary>
public sealed record OverlayRegistry(IReadOnlyList<OverlayRegistered> Overlays)
{
    public static OverlayRegistry Empty { get; } = new([]);

    public OverlayRegistry Apply(object @event) => @event switch
    {
        OverlayRegistered registered => new OverlayRegistry([.. Overlays, registered]),
        OverlayDeregistered gone => new OverlayRegistry([.. Overlays.Where(o => o.Name != gone.Name)]),
        _ => this,
    };
}
