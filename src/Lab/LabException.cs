namespace CupsAndString.Lab;

/// <summary>A lab step failed; the message says which step, on which object, and why.</summary>
public sealed class LabException : Exception
{
    public LabException(string message)
        : base(message)
    {
    }

    public LabException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
