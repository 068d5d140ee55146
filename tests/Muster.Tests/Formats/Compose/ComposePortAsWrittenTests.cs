using Muster.Formats.Compose;

namespace Muster.Tests.Formats.Compose;

public class ComposePortAsWrittenTests
{
    private static ComposePort? Port(string entry) =>
        ComposePortParser.ReadAsWritten(Assert.IsType<ComposeMapping>(YamlTreeReader.ReadAsWritten($"ports:\n  - {entry}\n", "compose.yml"))
            .Get("ports") is ComposeSequence seq ? seq.Items[0] : throw new InvalidOperationException("no ports"));

    [Theory]
    [InlineData("\"8080:80\"", null, "8080", "80")]
    [InlineData("\"127.0.0.1:5432:5432/tcp\"", "127.0.0.1", "5432", "5432")]
    [InlineData("\"[::1]:9000:9000\"", "::1", "9000", "9000")]
    [InlineData("\"0.0.0.0::5432\"", "0.0.0.0", null, "5432")]
    [InlineData("\"127.0.0.1::5432/udp\"", "127.0.0.1", null, "5432")]
    [InlineData("6379", null, null, "6379")]
    public void Short_syntax_keeps_the_parts_as_written(string entry, string? hostIp, string? published, string target)
    {
        var port = Port(entry)!;

        Assert.Equal((hostIp, published, target), (port.HostIp, port.Published, port.Target));
    }

    [Fact]
    public void A_variable_port_is_read_but_not_judged_as_a_number()
    {
        var port = Port("\"${HOST_PORT}:${APP_PORT}\"")!;

        Assert.Equal(("${HOST_PORT}", "${APP_PORT}"), (port.Published, port.Target));
        Assert.Empty(port.TargetPorts());
        Assert.Throws<ComposeFormatException>(() => ComposePortParser.Parse(Assert.IsType<ComposeSequence>(
            Assert.IsType<ComposeMapping>(YamlTreeReader.ReadAsWritten("p:\n  - \"${HOST_PORT}:${APP_PORT}\"\n", "c.yml")).Get("p")).Items[0]));
    }

    [Theory]
    [InlineData("\"1.2.3.4:1:2:3\"")]
    [InlineData("\"${BIND:-0.0.0.0}:${PORT}:80\"")]
    [InlineData("\"[::1]9000\"")]
    [InlineData("{ published: 80 }")]
    public void An_entry_without_a_port_shape_is_null(string entry) => Assert.Null(Port(entry));

    [Fact]
    public void Long_syntax_reads_target_published_and_host_ip_through_merge_entries()
    {
        var tree = Assert.IsType<ComposeMapping>(YamlTreeReader.ReadAsWritten(
            "x: &p { host_ip: 127.0.0.1 }\nports:\n  - <<: *p\n    target: 80\n    published: \"8080\"\n", "compose.yml"));
        var port = ComposePortParser.ReadAsWritten(Assert.IsType<ComposeSequence>(tree.Get("ports")).Items[0])!;

        Assert.Equal(("127.0.0.1", "8080", "80", 3), (port.HostIp, port.Published, port.Target, port.Position.Line));
        Assert.False(port.OnAllInterfaces);
    }

    [Theory]
    [InlineData("\"5432\"", true, "a random host port", "5432/tcp")]
    [InlineData("\"0.0.0.0::5432\"", true, "a random host port", "0.0.0.0::5432/tcp")]
    [InlineData("\"127.0.0.1::5432\"", false, "a random host port", "127.0.0.1::5432/tcp")]
    [InlineData("{ target: 5432, published: \"\" }", true, "a random host port", "5432/tcp")]
    [InlineData("\"8080:80\"", true, "host port 8080", "8080:80/tcp")]
    [InlineData("\"0.0.0.0:8080:80\"", true, "host port 8080", "0.0.0.0:8080:80/tcp")]
    [InlineData("\"[::]:8080:80\"", true, "host port 8080", "[::]:8080:80/tcp")]
    [InlineData("\"[::1]::80\"", false, "a random host port", "[::1]::80/tcp")]
    [InlineData("\"127.0.0.1:8080:80\"", false, "host port 8080", "127.0.0.1:8080:80/tcp")]
    [InlineData("\"${BIND}:8080:80\"", false, "host port 8080", "${BIND}:8080:80/tcp")]
    public void A_port_is_described_as_compose_means_it(string entry, bool onAll, string hostPort, string shortSyntax)
    {
        var port = Port(entry)!;

        Assert.Equal((onAll, hostPort, shortSyntax), (port.OnAllInterfaces, port.HostPortDescription, port.ToString()));
    }

    [Theory]
    [InlineData("\"9200\"", "9200")]
    [InlineData("\"8000-8002:8000-8002\"", "8000,8001,8002")]
    [InlineData("\"1-2000\"", "")]
    [InlineData("\"10-5\"", "")]
    public void Target_ports_expands_ranges_of_at_most_1000(string entry, string expected) =>
        Assert.Equal(expected, string.Join(',', Port(entry)!.TargetPorts()));
}
