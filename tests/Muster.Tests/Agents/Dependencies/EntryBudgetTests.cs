using System.Text;
using Muster.Agents;
using Muster.Agents.Dependencies;
using Muster.Formats.Packages.Model;
using Muster.Formats.Packages.Parsers;

namespace Muster.Tests.Agents.Dependencies;

/// <summary>Issue 18: a manifest with more entries than the budget keeps the budget's worth and names the rest as a scan error.</summary>
public sealed class EntryBudgetTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Entries_past_the_budget_are_one_scan_error_at_the_first_skipped_line()
    {
        var lines = new StringBuilder();
        for (var i = 0; i < 1_000; i++) lines.Append("pkg-").Append(i).Append("==1.0.").Append(i % 7).Append('\n');
        _workspace.Write("requirements.txt", lines.ToString());
        _workspace.Write("web/package.json", """{ "name": "web", "dependencies": { "left-pad": "1.3.0" } }""");

        var result = await AgentRunner.Run(_workspace.Root, settings: new() { [ManifestScanner.MaxEntriesSetting] = "100" });

        Assert.Equal(101, result.Metrics["packages"]);
        var error = Assert.Single(result.Findings, f => f.RuleId == "DEP-SCAN-ERROR");
        Assert.Equal(new("requirements.txt", 101), error.Location);
        Assert.Contains("900 entries past the 100-entry budget (setting max-manifest-entries) were skipped", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_collection_counts_what_it_turns_away_and_keeps_the_first()
    {
        var entries = new PackageEntries(2);
        entries.AddRange(Enumerable.Range(1, 5).Select(line => new PackageRecord
        {
            Ecosystem = Ecosystem.PyPI,
            Name = "p" + line,
            ManifestPath = "requirements.txt",
            Line = line,
            ManifestKind = "requirements.txt",
        }));

        Assert.Equal(["p1", "p2"], entries.Select(e => e.Name));
        Assert.Equal(3, entries.Skipped);
        Assert.Equal(3, entries.FirstSkippedLine);
    }

    [Fact]
    public void A_budget_below_one_is_a_settings_error()
    {
        var settings = new AgentSettings(new Dictionary<string, object?> { [ManifestScanner.MaxEntriesSetting] = "0" });

        var error = Assert.Throws<AgentSettingsException>(() => DependenciesAgent.Descriptor.ValidateSettings!(settings));

        Assert.Equal(ManifestScanner.MaxEntriesSetting, error.Key);
    }
}
