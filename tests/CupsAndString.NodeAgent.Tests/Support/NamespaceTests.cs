using Xunit;

namespace CupsAndString.NodeAgent.Tests.Support;

/// <summary>Tests that build namespaces run one class at a time, to spare the shared cores.</summary>
[CollectionDefinition(Name)]
public sealed class NamespaceTests
{
    public const string Name = "network namespaces";
}
