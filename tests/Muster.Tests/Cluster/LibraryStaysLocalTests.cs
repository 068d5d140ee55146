using System.Reflection;
using Muster.Engine;

namespace Muster.Tests.Cluster;

public sealed class LibraryStaysLocalTests
{
    [Fact]
    public void The_library_references_no_Orleans_assembly_only_the_cluster_project_does()
    {
        static IEnumerable<string> References(Assembly a) => a.GetReferencedAssemblies().Select(r => r.Name ?? "");
        Assert.DoesNotContain(References(typeof(RunHost).Assembly), name => name.StartsWith("Orleans", StringComparison.Ordinal));
        Assert.Contains(References(typeof(Muster.Cluster.ClusterAddress).Assembly), name => name.StartsWith("Orleans", StringComparison.Ordinal));
    }
}
