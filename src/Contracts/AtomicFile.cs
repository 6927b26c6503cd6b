namespace CupsAndString.Contracts;

/// <summary>
/// Replaces a file through a temporary file in the same folder and a rename, so a reader (or a
/// crash) sees the previous content or the new one, never half of it.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="text"/> as UTF-8, creating the folder when missing. With
    /// <paramref name="flushToDisk"/> the data reaches the disk before the rename. Throws
    /// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>; the temporary file
    /// is removed when the write fails.
    /// </summary>
    public static void WriteAllText(string path, string text, bool flushToDisk = false)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(text);
                writer.Flush();
                stream.Flush(flushToDisk);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary file is named after this process; a later write replaces it.
        }
    }
}
