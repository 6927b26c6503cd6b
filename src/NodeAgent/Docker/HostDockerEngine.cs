using System.Diagnostics;

namespace CupsAndString.NodeAgent.Docker;

/// <summary>
/// The Docker engine of this host: present when its socket or the dockerd program exists;
/// restarted through systemd when systemd runs the host, else through service(8).
/// </summary>
public sealed class HostDockerEngine : IDockerEngine
{
    public const string DefaultSocket = "/var/run/docker.sock";
    private static readonly TimeSpan RestartTimeout = TimeSpan.FromMinutes(2);

    private readonly string socketPath;

    public HostDockerEngine(string socketPath = DefaultSocket)
    {
        this.socketPath = socketPath;
    }

    public bool IsPresent => File.Exists(socketPath) || FindProgram("dockerd") is not null;

    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        string[] command = Directory.Exists("/run/systemd/system") && FindProgram("systemctl") is not null
            ? ["systemctl", "restart", "docker"]
            : FindProgram("service") is not null
                ? ["service", "docker", "restart"]
                : throw new DockerEngineException(
                    "cannot restart Docker: neither systemd nor service(8) is available; "
                    + "restart it by hand");

        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new DockerEngineException($"{string.Join(' ', command)} did not start");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RestartTimeout);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.StandardOutput.ReadToEndAsync(timeout.Token).ConfigureAwait(false);
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new DockerEngineException(
                $"{string.Join(' ', command)} failed with exit {process.ExitCode}: "
                + (await error.ConfigureAwait(false)).Trim());
        }
    }

    private static string? FindProgram(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
