namespace CupsAndString.Lab.Tests.Overlay;

/// <summary>Two hosts with two containers each, an agent on each host.</summary>
public sealed class TwoHostOverlayFixture : OverlayLabFixture
{
    protected override string Prefix => "e2two";

    protected override int HostCount => 2;
}
