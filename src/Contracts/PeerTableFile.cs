using System.Text.Json;

namespace CupsAndString.Contracts;

/// <summary>
/// Reads and writes a peer table as JSON: the cache an agent keeps on disk and the static table
/// given to <c>agent --peers FILE</c>. Reading checks every rule the control plane enforces, so a
/// hand-written file fails with one sentence instead of a half-working network.
/// </summary>
public static class PeerTableFile
{
    public static string Serialize(PeerTable table) =>
        JsonSerializer.Serialize(table, PeerTableJsonContext.Default.PeerTable);

    /// <summary>Parses and validates; throws <see cref="InvalidDataException"/> with the reason.</summary>
    public static PeerTable Parse(string json, string source)
    {
        PeerTable? table;
        try
        {
            table = JsonSerializer.Deserialize(json, PeerTableJsonContext.Default.PeerTable);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not a peer table: {Describe(json, e)}", e);
        }

        if (table is null)
        {
            throw new InvalidDataException($"{source}: empty peer table");
        }

        var problem = Validate(table);
        return problem is null ? table : throw new InvalidDataException($"{source}: {problem}");
    }

    /// <summary>What is wrong with the JSON, where, in words that fit a peer table.</summary>
    private static string Describe(string json, JsonException e)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return "the text is empty";
        }

        var where = $"line {(e.LineNumber ?? 0) + 1}, {e.Path ?? "$"}";
        if (!IsWellFormed(json))
        {
            return $"broken JSON at {where}";
        }

        return $"expected {Expected(e.Path)} at {where}";
    }

    private static bool IsWellFormed(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
            });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The kind of value a peer table holds at a JSON path, e.g. <c>$.nodes[0].port</c>.</summary>
    private static string Expected(string? path)
    {
        if (path is null or "$")
        {
            return "an object with the fields of a peer table";
        }

        if (path.EndsWith(']'))
        {
            return "an object with number, id, address and subnet";
        }

        var field = path[(path.LastIndexOf('.') + 1)..];
        return field switch
        {
            "overlay" or "cidr" or "address" or "subnet" => "a string",
            "overlayId" or "nodePrefixLength" or "port" or "version" or "number" =>
                "a whole number in range",
            "id" => "a node id (a GUID string)",
            "nodes" => "a list of nodes",
            _ => "a different value",
        };
    }

    public static PeerTable Read(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e switch
            {
                _ when Directory.Exists(path) => "it is a directory, not a file",
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message,
            };
            throw new InvalidDataException($"failed to read peer table {path}: {reason}", e);
        }

        return Parse(json, path);
    }

    /// <summary>Writes through a temporary file and a rename, so a crash never leaves half a table.</summary>
    public static void Write(string path, PeerTable table)
    {
        AtomicFile.WriteAllText(path, Serialize(table));
    }

    /// <summary>Returns null for a consistent table, otherwise the first broken rule as a sentence.</summary>
    public static string? Validate(PeerTable table)
    {
        if (Names.Validate(table.Overlay) is { } nameProblem)
        {
            return $"overlay: {nameProblem}";
        }

        if (!Ipv4Prefix.TryParse(table.Cidr, out var cidr, out var cidrProblem))
        {
            return $"cidr: {cidrProblem}";
        }

        if (table.NodePrefixLength <= cidr.Length || table.NodePrefixLength > 30)
        {
            return $"nodePrefixLength {table.NodePrefixLength} must be longer than the overlay's "
                + $"/{cidr.Length} and at most 30";
        }

        if (table.Port is < 1 or > 65535)
        {
            return $"port {table.Port} is not a UDP port (1-65535)";
        }

        if (table.Version < 0)
        {
            return $"version {table.Version} is negative";
        }

        if (table.Nodes is null)
        {
            return "nodes is missing";
        }

        var numbers = new HashSet<int>();
        var ids = new HashSet<Guid>();
        var addresses = new Dictionary<uint, int>();
        foreach (var node in table.Nodes)
        {
            if (node is null)
            {
                return "nodes contains an empty entry";
            }

            if (!numbers.Add(node.Number) || !ids.Add(node.Id))
            {
                return $"node {node.Number} ({node.Id}) appears twice";
            }

            if (!Ipv4Prefix.TryParseAddress(node.Address, out var address))
            {
                return $"node {node.Number}: address '{node.Address}' is not an IPv4 address";
            }

            // Two nodes on one underlay address would share one UDP endpoint: neither could be told apart.
            if (!addresses.TryAdd(address, node.Number))
            {
                return $"node {node.Number}: address {node.Address} is also node {addresses[address]}'s";
            }

            if (!Ipv4Prefix.TryParse(node.Subnet, out var subnet, out var subnetProblem))
            {
                return $"node {node.Number}: subnet: {subnetProblem}";
            }

            if (subnet.Length != table.NodePrefixLength || !cidr.Overlaps(subnet))
            {
                return $"node {node.Number}: subnet {subnet} is not a /{table.NodePrefixLength} "
                    + $"inside {cidr}";
            }

            if (node.Number < 1 || (ulong)node.Number >= cidr.SubnetCount(table.NodePrefixLength)
                || cidr.Subnet(table.NodePrefixLength, (ulong)node.Number) != subnet)
            {
                return $"node {node.Number}: subnet {subnet} is not subnet number {node.Number} of {cidr}";
            }
        }

        return null;
    }
}
