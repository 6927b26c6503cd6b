using System.Diagnostics;
using System.Text;
using CupsAndString.NodeAgent.Linux;
using Tmds.Linux;

namespace CupsAndString.Lab;

/// <summary>
/// A program the lab started, possibly inside a network namespace (through nsenter, which execs
/// the program in place, so <see cref="Pid"/> is the program itself). Disposing it stops it:
/// SIGTERM, a grace period, then SIGKILL, always by its own PID.
/// </summary>
public sealed class LabProcess : IAsyncDisposable
{
    private static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly Lock _gate = new();
    private bool _detached;

    private LabProcess(LabProcessStart start, Process process)
    {
        Start = start;
        _process = process;
    }

    public LabProcessStart Start { get; }

    public int Pid => _process.Id;

    public string Description => Start.Describe();

    public bool HasExited => _process.HasExited;

    /// <summary>Everything captured on stdout so far (empty when the output goes to a log file).</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Everything captured on stderr so far (empty when the output goes to a log file).</summary>
    public string Error
    {
        get
        {
            lock (_gate)
            {
                return _error.ToString();
            }
        }
    }

    public static LabProcess Launch(LabProcessStart start)
    {
        var info = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = start.LogFile is null,
            RedirectStandardError = start.LogFile is null,
        };

        // Step: with a log file, a shell opens it and execs the program, so the output never
        // depends on pipes to this process.
        if (start.LogFile is not null)
        {
            info.FileName = "/bin/sh";
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("exec \"$0\" \"$@\" >>\"$CUPS_LAB_LOG\" 2>&1 </dev/null");
            info.Environment["CUPS_LAB_LOG"] = start.LogFile;
        }

        var command = CommandLine(start);
        if (start.LogFile is null)
        {
            info.FileName = command[0];
            command.RemoveAt(0);
        }

        foreach (var word in command)
        {
            info.ArgumentList.Add(word);
        }

        foreach (var (name, value) in start.Environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var lab = new LabProcess(start, process);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new LabException($"failed to start {start.Describe()}: {e.Message}", e);
        }

        process.StandardInput.Close();
        if (start.LogFile is null)
        {
            process.OutputDataReceived += (_, e) => lab.Append(lab._output, e.Data);
            process.ErrorDataReceived += (_, e) => lab.Append(lab._error, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        return lab;
    }

    /// <summary>
    /// Waits for the program to end; past the timeout it is killed and a LabException thrown.
    /// </summary>
    public async Task<CommandResult> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await StopAsync(TimeSpan.Zero, CancellationToken.None);
            throw new LabException(
                $"{Description} did not finish within {timeout.TotalSeconds:0.#} s and was killed");
        }

        return new CommandResult(Description, _process.ExitCode, Output, Error);
    }

    /// <summary>
    /// Stops the program: SIGTERM, up to <paramref name="grace"/> to exit, then SIGKILL.
    /// Does nothing when it has already exited.
    /// </summary>
    public async Task StopAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        if (_process.HasExited)
        {
            return;
        }

        if (grace > TimeSpan.Zero && LibC.kill(_process.Id, LibC.SIGTERM) == 0)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(grace);
            try
            {
                await _process.WaitForExitAsync(limit.Token);
                return;
            }
            catch (OperationCanceledException)
            {
                // The grace period ran out: fall through to SIGKILL.
            }
        }

        try
        {
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    /// <summary>Leaves the program running when this object is disposed (demo --keep).</summary>
    public void Detach() => _detached = true;

    public async ValueTask DisposeAsync()
    {
        if (!_detached)
        {
            await StopAsync(DefaultGrace, CancellationToken.None);
        }

        _process.Dispose();
    }

    /// <summary>Runs a program to its end and returns what it printed.</summary>
    public static async Task<CommandResult> RunAsync(
        LabProcessStart start,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        await using var process = Launch(start with { LogFile = null });
        return await process.WaitAsync(timeout, cancellationToken);
    }

    private static List<string> CommandLine(LabProcessStart start)
    {
        var words = new List<string>();
        if (start.Namespace is not null)
        {
            words.Add("nsenter");
            words.Add($"--net={NetworkNamespace.PathOf(start.Namespace)}");
            words.Add("--");
        }

        words.Add(start.Program);
        words.AddRange(start.Arguments);
        return words;
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            target.AppendLine(line);
        }
    }
}
