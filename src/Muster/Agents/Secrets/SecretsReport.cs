using System.Text;
using Muster.Model;

namespace Muster.Agents.Secrets;

/// <summary>The agent's Markdown artifact. Holds only redacted evidence.</summary>
internal static class SecretsReport
{
    public static string Markdown(IReadOnlyList<Finding> findings, string summary)
    {
        var sb = new StringBuilder("# Secrets audit\n\n").Append(summary).Append("\n\n");
        if (findings.Count == 0) return sb.Append("No findings.\n").ToString();
        sb.Append("| Severity | Rule | Location | Evidence | Git |\n|---|---|---|---|---|\n");
        foreach (var f in findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Location?.Path, StringComparer.Ordinal))
        {
            sb.Append("| ").Append(f.Severity.ToLabel())
                .Append(" | ").Append(f.RuleId)
                .Append(" | ").Append(Cell(f.Location?.ToString() ?? ""))
                .Append(" | ").Append(Cell(f.Evidence ?? ""))
                .Append(" | ").Append(f.Properties.GetValueOrDefault("git", ""))
                .Append(" |\n");
        }
        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
