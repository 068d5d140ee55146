using Muster.Agents;
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

    [Fact]
    public void Every_settings_table_in_the_docs_is_generated_from_the_settings_descriptions()
    {
        var registry = BuiltInAgents.CreateRegistry();
        var docs = Path.Combine(GoldenFile.RepositoryRoot(), "docs");
        var pageOfKind = new Dictionary<string, string>(StringComparer.Ordinal);
        var stale = new List<string>();
        foreach (var path in Directory.GetFiles(docs, "*.md").Order(StringComparer.Ordinal))
        {
            var page = Path.GetFileName(path);
            var kinds = new List<string>();
            var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            var expected = SettingsTable.Refresh(text, registry, kinds);
            foreach (var kind in kinds)
            {
                Assert.True(pageOfKind.TryAdd(kind, page), $"'{kind}' has a settings table in both {pageOfKind.GetValueOrDefault(kind)} and {page}");
            }
            Refresh(path, text, expected, stale);
        }
        var missing = registry.All.Select(d => d.Kind).Where(k => !pageOfKind.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, $"no settings table in docs/ for {string.Join(", ", missing)}: add '{SettingsTable.Begin("KIND")}' and its end marker to its page, or to docs/{SettingsTable.IndexPage}");

        var indexPath = Path.Combine(docs, SettingsTable.IndexPage);
        var index = File.ReadAllText(indexPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        Refresh(indexPath, index, SettingsTable.RefreshIndex(index, registry, pageOfKind), stale);

        Assert.True(stale.Count == 0, $"stale settings tables in {string.Join(", ", stale)}: run the tests with MUSTER_UPDATE_DOCS=1 (or {GoldenFile.UpdateVariable}=1) and review the diff");
        Assert.Contains("| `max-file-bytes` | whole number ≥ 1 | `1048576` |", File.ReadAllText(Path.Combine(docs, "config-audit.md")), StringComparison.Ordinal);
    }

    private static void Refresh(string path, string text, string expected, List<string> stale)
    {
        if (expected == text) return;
        if (GoldenFile.Updating || Environment.GetEnvironmentVariable("MUSTER_UPDATE_DOCS") == "1") File.WriteAllText(path, expected);
        else stale.Add(Path.GetFileName(path));
    }
}
