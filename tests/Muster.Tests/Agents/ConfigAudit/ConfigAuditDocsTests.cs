using Muster.Agents.ConfigAudit;

namespace Muster.Tests.Agents.ConfigAudit;

public sealed class ConfigAuditDocsTests
{
    [Fact]
    public void Docs_list_every_rule_and_match_the_rule_definitions()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "config-audit.md");
        var expected = ConfigRuleDocs.Render();
        if (Environment.GetEnvironmentVariable("MUSTER_UPDATE_DOCS") == "1") File.WriteAllText(path, expected);

        Assert.True(File.Exists(path), $"{path} is missing; regenerate with MUSTER_UPDATE_DOCS=1");
        var actual = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (var rule in ConfigRuleCatalog.All) Assert.Contains($"| `{rule.Id}` |", actual, StringComparison.Ordinal);
        Assert.True(expected == actual, "docs/config-audit.md is out of date; regenerate with MUSTER_UPDATE_DOCS=1 dotnet test --filter ConfigAuditDocsTests");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Muster.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Muster.slnx not found above " + AppContext.BaseDirectory);
    }
}
