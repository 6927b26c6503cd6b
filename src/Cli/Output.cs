using System.Text.Json;

namespace CupsAndString.Cli;

/// <summary>Aligned tables for people and indented camelCase JSON for scripts.</summary>
public static class Output
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
    };

    public static void Json<T>(TextWriter writer, T value) =>
        writer.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>
    /// Columns separated by two spaces, each as wide as its widest cell; no trailing spaces.
    /// </summary>
    public static void Table(TextWriter writer, IReadOnlyList<string> headers,
        IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows);
        var widths = headers.Select((_, column) => all.Max(row => row[column].Length)).ToArray();
        foreach (var row in all)
        {
            var last = row.Count - 1;
            var cells = row.Select((cell, column) => column == last ? cell : cell.PadRight(widths[column]));
            writer.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }
}
