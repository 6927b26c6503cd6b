using CupsAndString.Contracts;
using Xunit;

namespace CupsAndString.ControlPlane.Tests.Contracts;

public sealed class PeerTableFileTests : IDisposable
{
    private static readonly Guid First = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid Second = Guid.Parse("22222222-2222-2222-2222-222222222222");

    private readonly string _directory = Directory.CreateTempSubdirectory("cas-peers-").FullName;

    private static PeerTable Valid() => new("web", 1, "10.10.0.0/16", 24, 8285, 3,
    [
        new PeerNode(1, First, "192.0.2.11", "10.10.1.0/24"),
        new PeerNode(2, Second, "192.0.2.12", "10.10.2.0/24"),
    ]);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_table_written_then_read_is_equal_to_the_original()
    {
        var path = Path.Combine(_directory, "nested", "web.json");

        PeerTableFile.Write(path, Valid());
        var read = PeerTableFile.Read(path);

        Assert.Equal(PeerTableFile.Serialize(Valid()), PeerTableFile.Serialize(read));
        Assert.Equal(Valid().Nodes, read.Nodes);
        Assert.Equal(["web.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    public static TheoryData<PeerTable, string> Broken() => new()
    {
        { Valid() with { Overlay = "Web" }, "overlay: 'Web' contains 'W'; a name uses only lowercase "
            + "letters, digits and dashes" },
        { Valid() with { Cidr = "10.10.0.0" }, "cidr: '10.10.0.0' has no prefix length; write it as "
            + "address/length, e.g. 10.10.0.0/16" },
        { Valid() with { NodePrefixLength = 16 }, "nodePrefixLength 16 must be longer than the overlay's /16 "
            + "and at most 30" },
        { Valid() with { Port = 0 }, "port 0 is not a UDP port (1-65535)" },
        { Valid() with { Version = -1 }, "version -1 is negative" },
        { Valid() with { Nodes = null! }, "nodes is missing" },
        { Valid() with { Nodes = [null!] }, "nodes contains an empty entry" },
        {
            Valid() with { Nodes = [Valid().Nodes[0], Valid().Nodes[0] with { Number = 2,
                Subnet = "10.10.2.0/24" }] },
            $"node 2 ({First}) appears twice"
        },
        { Valid() with { Nodes = [Valid().Nodes[0] with { Address = "192.0.2" }] }, "node 1: address "
            + "'192.0.2' is not an IPv4 address" },
        { Valid() with { Nodes = [Valid().Nodes[0], Valid().Nodes[1] with { Address = "192.0.2.11" }] },
            "node 2: address 192.0.2.11 is also node 1's" },
        { Valid() with { Nodes = [Valid().Nodes[0] with { Subnet = "10.10.1.0" }] }, "node 1: subnet: "
            + "'10.10.1.0' has no prefix length; write it as address/length, e.g. 10.10.0.0/16" },
        { Valid() with { Nodes = [Valid().Nodes[0] with { Subnet = "10.11.1.0/24" }] }, "node 1: subnet "
            + "10.11.1.0/24 is not a /24 inside 10.10.0.0/16" },
        { Valid() with { Nodes = [Valid().Nodes[0] with { Subnet = "10.10.1.0/25" }] }, "node 1: subnet "
            + "10.10.1.0/25 is not a /24 inside 10.10.0.0/16" },
        { Valid() with { Nodes = [Valid().Nodes[0] with { Subnet = "10.10.5.0/24" }] }, "node 1: subnet "
            + "10.10.5.0/24 is not subnet number 1 of 10.10.0.0/16" },
        { Valid() with { Nodes = [Valid().Nodes[0] with { Number = 0, Subnet = "10.10.0.0/24" }] },
            "node 0: subnet 10.10.0.0/24 is not subnet number 0 of 10.10.0.0/16" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_rule_is_reported_as_its_own_sentence(PeerTable table, string expected)
    {
        Assert.Equal(expected, PeerTableFile.Validate(table));

        var json = PeerTableFile.Serialize(table);
        var error = Assert.Throws<InvalidDataException>(() => PeerTableFile.Parse(json, "peers.json"));
        Assert.Equal($"peers.json: {expected}", error.Message);
    }

    [Fact]
    public void Text_that_is_not_json_is_reported_with_its_line()
    {
        var json = "{\n  \"overlay\": web\n}";

        var error = Assert.Throws<InvalidDataException>(() => PeerTableFile.Parse(json, "peers.json"));

        Assert.Equal("peers.json: not a peer table: broken JSON at line 2, $.overlay", error.Message);
    }

    [Theory]
    [InlineData("{\"overlay\": \"web\",\n \"port\": \"8285\"}",
        "expected a whole number in range at line 2, $.port")]
    [InlineData("{\"port\": 99999999999}", "expected a whole number in range at line 1, $.port")]
    [InlineData("{\"nodes\": [\n  {\"id\": \"nope\"}]}", "expected a node id (a GUID string) at line 2, "
        + "$.nodes[0].id")]
    [InlineData("{\"nodes\": [1]}", "expected an object with number, id, address and subnet at line 1, "
        + "$.nodes[0]")]
    [InlineData("{\"nodes\": {}}", "expected a list of nodes at line 1, $.nodes")]
    [InlineData("{\"cidr\": 10}", "expected a string at line 1, $.cidr")]
    [InlineData("[]", "expected an object with the fields of a peer table at line 1, $")]
    [InlineData("{} x", "broken JSON at line 1, $")]
    [InlineData("  \n", "the text is empty")]
    public void A_json_value_of_the_wrong_kind_is_reported_in_peer_table_words(string json, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => PeerTableFile.Parse(json, "peers.json"));

        Assert.Equal($"peers.json: not a peer table: {expected}", error.Message);
    }

    [Fact]
    public void A_directory_given_as_the_file_is_reported_as_a_directory()
    {
        var error = Assert.Throws<InvalidDataException>(() => PeerTableFile.Read(_directory));

        Assert.Equal($"failed to read peer table {_directory}: it is a directory, not a file",
            error.Message);
    }

    [Fact]
    public void A_json_null_is_reported_as_an_empty_table()
    {
        var error = Assert.Throws<InvalidDataException>(() => PeerTableFile.Parse("null", "peers.json"));

        Assert.Equal("peers.json: empty peer table", error.Message);
    }

    [Fact]
    public void A_missing_file_is_reported_naming_it()
    {
        var path = Path.Combine(_directory, "absent.json");

        var error = Assert.Throws<InvalidDataException>(() => PeerTableFile.Read(path));

        Assert.Equal($"failed to read peer table {path}: no such file", error.Message);
    }
}
