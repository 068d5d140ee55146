using Muster.Composition;
using Muster.Tests.Golden;

namespace Muster.Tests.Architecture;

/// <summary>The README's agent table and rule counts are generated from the descriptors (MUSTER_UPDATE_GOLDEN=1 refreshes them).</summary>
public class GeneratedDocsTests
{
    [Fact]
    public void The_readme_agent_table_is_generated_from_the_descriptors()
    {
        var path = Path.Combine(GoldenFile.RepositoryRoot(), "README.md");
        var readme = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var expected = AgentTable.Replace(readme, AgentTable.Render(BuiltInAgents.CreateRegistry()));
        if (GoldenFile.Updating)
        {
            File.WriteAllText(path, expected);
            readme = expected;
        }

        Assert.True(expected == readme, $"README.md's generated agent section is stale: run the tests with {GoldenFile.UpdateVariable}=1 and review the diff");
        Assert.Contains("| `secrets` | scanner | yes |", expected, StringComparison.Ordinal);
    }
}
