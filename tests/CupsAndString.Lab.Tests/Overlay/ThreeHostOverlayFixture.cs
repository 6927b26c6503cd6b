namespace CupsAndString.Lab.Tests.Overlay;

/// <summary>Three hosts with two containers each, an agent on each host.</summary>
public sealed class ThreeHostOverlayFixture : OverlayLabFixture
{
    protected override string Prefix => "e2thr";

    protected override int HostCount => 3;
}
