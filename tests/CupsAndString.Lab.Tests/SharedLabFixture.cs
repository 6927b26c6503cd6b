using CupsAndString.Lab;

namespace CupsAndString.Lab.Tests;

/// <summary>One lab of two hosts with two containers each, shared by the tests that only read it.</summary>
public sealed class SharedLabFixture : IAsyncLifetime
{
    private NetworkLab? _lab;

    public NetworkLab Lab => _lab ?? throw new InvalidOperationException("the lab was not built");

    public async Task InitializeAsync()
    {
        if (LabPrerequisites.Problem() is not null)
        {
            return;
        }

        var topology = LabTopology.Create(
            new LabOptions { Prefix = "tshare", Hosts = 2, ContainersPerHost = 2 });
        _lab = await NetworkLab.BuildAsync(topology, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_lab is not null)
        {
            await _lab.DisposeAsync();
        }
    }
}
