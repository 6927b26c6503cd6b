namespace CupsAndString.Lab.Tests;

/// <summary>
/// Tests that build labs run one at a time: every lab with a management link puts
/// 198.51.100.1/24 on a bridge in the root namespace, and two such bridges would compete.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NamespaceLabCollection
{
    public const string Name = "namespace labs";
}
