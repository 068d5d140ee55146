using System.Text;
using Muster.Model;

namespace Muster.Reports.Rules;

/// <summary>
/// What a report says about a rule as a whole, never one finding's specifics: the catalog's text when it has some,
/// else what every finding of the rule agrees on (a common title, the <c>rationale</c> property, the remediation).
/// </summary>
internal sealed record RuleHelp(string RuleId, string Title, string? Why, string? Fix, string? HelpUri, bool Security, string Category)
{
    public const string RationaleProperty = "rationale";

    /// <summary>One sentence for SARIF's fullDescription: why the rule matters, else its title.</summary>
    public string Description => Why ?? Title + ".";

    public string HelpText
    {
        get
        {
            var text = new StringBuilder();
            if (Why is not null) text.Append("Why it matters: ").Append(Why).Append('\n');
            text.Append("Fix: ").Append(Fix ?? "The reporting agent gave no remediation for this rule.");
            if (HelpUri is not null) text.Append("\nDocumentation: ").Append(HelpUri);
            return text.ToString();
        }
    }

    public string HelpMarkdown
    {
        get
        {
            var text = new StringBuilder();
            text.Append("**").Append(Title).Append("**\n\n");
            if (Why is not null) text.Append("**Why it matters.** ").Append(Why).Append("\n\n");
            text.Append("**Fix.** ").Append(Fix ?? "The reporting agent gave no remediation for this rule.");
            if (HelpUri is not null) text.Append("\n\n[Rule documentation](").Append(HelpUri).Append(')');
            return text.ToString();
        }
    }

    /// <summary>The help of a rule from its findings (worst first); <paramref name="docsBase"/> ends in '/' or is null.</summary>
    public static RuleHelp For(string ruleId, IReadOnlyList<Finding> findings, RuleCatalog catalog, string? docsBase)
    {
        var entry = catalog.Find(ruleId);
        var lead = findings.Count > 0 ? findings[0] : null;
        var category = lead?.Category is { Length: > 0 } c ? c : "uncategorized";
        var title = entry?.Title ?? CommonTitle(findings) ?? ruleId;
        var why = entry?.Why
            ?? findings.Select(f => f.Properties.GetValueOrDefault(RationaleProperty)).FirstOrDefault(r => !string.IsNullOrWhiteSpace(r))
            ?? catalog.PageOf(ruleId)?.Why;
        var fix = entry?.Fix ?? findings.Select(f => f.Remediation).FirstOrDefault(r => !string.IsNullOrWhiteSpace(r));
        var security = catalog.IsSecurity(ruleId, category, lead?.Properties);
        return new RuleHelp(ruleId, title, why, fix, catalog.HelpUri(ruleId, docsBase), security, category);
    }

    /// <summary>
    /// The title every finding shares; else the words they all start with ("Status claim UNVERIFIED: containers" and
    /// "Status claim UNVERIFIED: AWS" give "Status claim UNVERIFIED") when at least two; else null.
    /// </summary>
    internal static string? CommonTitle(IReadOnlyList<Finding> findings)
    {
        var titles = findings.Select(f => f.Title.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (titles.Count == 0) return null;
        if (titles.Count == 1) return titles[0];
        var words = titles[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var shared = words.Length;
        foreach (var other in titles.Skip(1))
        {
            var theirs = other.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var n = 0;
            while (n < shared && n < theirs.Length && theirs[n] == words[n]) n++;
            shared = n;
        }
        if (shared < 2) return null;
        var prefix = string.Join(' ', words.Take(shared)).TrimEnd(':', ',', ';', '-', '—', '(', ' ');
        // A cut inside quotes or parentheses ("Import 'auth") reads as a broken title.
        return prefix.Count(ch => ch == '\'') % 2 == 0 && prefix.Count(ch => ch == '(') == prefix.Count(ch => ch == ')') ? prefix : null;
    }
}
