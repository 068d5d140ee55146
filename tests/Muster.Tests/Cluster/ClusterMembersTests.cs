using Muster.Cluster;

namespace Muster.Tests.Cluster;

/// <summary>How the coordinator reads Orleans' Redis membership entries before it starts a client.</summary>
public sealed class ClusterMembersTests
{
    private static string Entry(int status, int proxyPort = 41797) =>
        $$"""{"SiloAddress":{"SiloAddress":"127.0.0.1:40623@155669725"},"Status":{{status}},"ProxyPort":{{proxyPort}},"SiloName":"a-1","IAmAliveTime":"2026-12-07T17:35:31Z"}""";

    [Fact]
    public void Only_active_entries_count_with_their_gateway()
    {
        var gateways = ClusterMembers.ActiveGateways([Entry(3, 1001), Entry(6), Entry(3, 1002), Entry(1)]);
        Assert.Equal(["127.0.0.1:1001", "127.0.0.1:1002"], gateways!.Select(g => g.ToString()));
        Assert.Empty(ClusterMembers.ActiveGateways([Entry(6)])!);
        Assert.Empty(ClusterMembers.ActiveGateways([])!);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("5")]
    [InlineData("""{"SiloName":"a-1"}""")]
    [InlineData("""{"Status":"Active"}""")]
    [InlineData("""{"Status":3,"SiloAddress":{"SiloAddress":"127.0.0.1:40623@1"}}""")]
    [InlineData("""{"Status":3,"ProxyPort":41797,"SiloAddress":"127.0.0.1:40623@1"}""")]
    public void An_entry_of_an_unknown_shape_concludes_nothing(string entry) =>
        Assert.Null(ClusterMembers.ActiveGateways([Entry(3), entry]));
}
