namespace CupsAndString.Cli;

/// <summary>Process exit codes, loosely after sysexits.h so scripts can tell failures apart.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The control plane refused the command (a broken rule).</summary>
    public const int Rejected = 1;

    /// <summary>A flag or argument is wrong.</summary>
    public const int Usage = 2;

    /// <summary>The broker or the database could not be reached.</summary>
    public const int Unavailable = 69;

    /// <summary>A bug: something failed that should not have.</summary>
    public const int Internal = 70;

    /// <summary>Not allowed: the command needs root.</summary>
    public const int NoPermission = 77;
}
