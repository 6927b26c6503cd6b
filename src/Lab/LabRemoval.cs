namespace CupsAndString.Lab;

/// <summary>What a teardown removed.</summary>
public sealed record LabRemoval(int Processes, int Namespaces, int Links, bool Folder)
{
    public bool IsEmpty => Processes == 0 && Namespaces == 0 && Links == 0 && !Folder;

    public override string ToString() =>
        $"{Processes} processes, {Namespaces} namespaces, {Links} links"
        + (Folder ? " and the lab folder" : "");
}
