using CupsAndString.NodeAgent.Linux;
using Tmds.Linux;

namespace CupsAndString.Lab;

/// <summary>
/// Removes everything carrying a lab's prefix: recorded processes first (so nothing holds a
/// namespace open), then the root namespace's links, then the namespaces, then the folder.
/// </summary>
internal static class LabTeardown
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public static async Task<LabRemoval> RemoveAsync(
        LabNames names,
        Action<string> progress,
        CancellationToken cancellationToken)
    {
        var folder = new LabFolder(names);

        // Step: stop the programs this lab started, by the PIDs it recorded.
        var processes = folder.LiveProcesses();
        foreach (var pid in processes)
        {
            progress($"stopping process {pid}");
            await StopAsync(pid, cancellationToken);
        }

        // Step: links in the root namespace (the management bridge and its ports). Removing one
        // end of a link removes the other, inside the host namespace, too.
        using var kernel = new LabKernel();
        var links = kernel.ListLinks(null).Where(names.Owns).ToList();
        foreach (var link in links.OrderBy(l => l == names.ManagementBridge))
        {
            progress($"deleting link {link}");
            kernel.DeleteLink(null, link);
        }

        // Step: the namespaces; their own links go with them.
        var namespaces = NetworkNamespace.List().Where(names.Owns).ToList();
        foreach (var name in namespaces)
        {
            progress($"deleting namespace {name}");
            LabKernel.DeleteNamespace(name);
        }

        var hadFolder = folder.Delete();
        return new LabRemoval(processes.Count, namespaces.Count, links.Count, hadFolder);
    }

    /// <summary>SIGTERM, up to the grace period to exit, then SIGKILL: always this PID only.</summary>
    private static async Task StopAsync(int pid, CancellationToken cancellationToken)
    {
        if (LibC.kill(pid, LibC.SIGTERM) != 0)
        {
            return;
        }

        var deadline = DateTime.UtcNow + Grace;
        while (DateTime.UtcNow < deadline)
        {
            if (!LabFolder.IsRunning(pid))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        _ = LibC.kill(pid, LibC.SIGKILL);
    }
}
