using MassTransit;

namespace CupsAndString.Cli.ControlPlane;

/// <summary>
/// Puts a prefix in front of every exchange name, so several control planes can share a broker.
/// </summary>
internal sealed class PrefixedEntityNames(IEntityNameFormatter inner, string prefix) : IEntityNameFormatter
{
    public string FormatEntityName<T>() => prefix + inner.FormatEntityName<T>();
}
