using System.Text;

namespace Muster.Reports.Rules;

/// <summary>
/// Rule-level text and documentation links (<c>report-rules.muster.yaml</c>), and the rule ids that
/// <c>docs/rules.md</c> has a section for (the page is embedded at build time, so links never point at a missing section).
/// </summary>
internal sealed class RuleCatalog
{
    public const string ResourceName = "report-rules.muster.yaml";
    public const string RulesPageResourceName = "rules.md";
    public const string RulesPage = "rules.md";

    /// <summary>Categories whose rules are security alerts unless the catalog or the finding says otherwise.</summary>
    public static readonly IReadOnlySet<string> SecurityCategories =
        new HashSet<string>(["security", "secrets", "dependencies", "configuration"], StringComparer.OrdinalIgnoreCase);

    /// <summary>A finding property ("true"/"false") with which an agent overrides the security classification.</summary>
    public const string SecurityProperty = "security";

    private static readonly Lazy<RuleCatalog> BuiltInLazy = new(() => new RuleCatalog(
        RuleCatalogFile.Parse(Resource(ResourceName) ?? throw new InvalidOperationException($"The embedded {ResourceName} is missing.")),
        DocumentedIdsOf(Resource(RulesPageResourceName) ?? "")));

    private readonly Dictionary<string, RuleTextEntry> _rules;
    private readonly List<RulePageEntry> _pages;
    private readonly HashSet<string> _documented;

    public RuleCatalog(RuleCatalogFile file, IEnumerable<string> documentedIds)
    {
        _rules = file.Rules.Where(r => r.Id.Length > 0).ToDictionary(r => r.Id, StringComparer.Ordinal);
        _pages = file.Pages.Where(p => p.Prefix.Length > 0).OrderByDescending(p => p.Prefix.Length).ToList();
        _documented = new HashSet<string>(documentedIds, StringComparer.Ordinal);
    }

    public static RuleCatalog BuiltIn => BuiltInLazy.Value;

    public IReadOnlyCollection<RuleTextEntry> Entries => _rules.Values;

    public RuleTextEntry? Find(string ruleId) => _rules.GetValueOrDefault(ruleId);

    /// <summary>The page of the longest prefix that matches the rule id.</summary>
    public RulePageEntry? PageOf(string ruleId) => _pages.FirstOrDefault(p => ruleId.StartsWith(p.Prefix, StringComparison.Ordinal));

    public bool IsDocumented(string ruleId) => _documented.Contains(ruleId);

    /// <summary>The finding's <c>security</c> property, else the catalog's override, else the category's default.</summary>
    public bool IsSecurity(string ruleId, string category, IReadOnlyDictionary<string, string>? properties = null)
    {
        if (properties?.GetValueOrDefault(SecurityProperty) is { } flag && bool.TryParse(flag, out var stated)) return stated;
        if (Find(ruleId)?.Security is { } overridden) return overridden;
        return SecurityCategories.Contains(category);
    }

    /// <summary>The rule's section in docs/rules.md, else its agent's page, else null; <paramref name="docsBase"/> ends in '/'.</summary>
    public string? HelpUri(string ruleId, string? docsBase)
    {
        if (string.IsNullOrEmpty(docsBase)) return null;
        if (IsDocumented(ruleId)) return docsBase + RulesPage + "#" + Anchor(ruleId);
        return PageOf(ruleId) is { } page ? docsBase + page.Page : null;
    }

    /// <summary>The anchor GitHub gives the heading <c>### `RULE-ID`</c>: lower case, punctuation other than '-' and '_' dropped.</summary>
    public static string Anchor(string ruleId)
    {
        var anchor = new StringBuilder(ruleId.Length);
        foreach (var ch in ruleId.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch) || ch is '-' or '_') anchor.Append(ch);
            else if (ch == ' ') anchor.Append('-');
        }
        return anchor.ToString();
    }

    /// <summary>Rule ids of the <c>### `RULE-ID`</c> headings of docs/rules.md.</summary>
    public static IEnumerable<string> DocumentedIdsOf(string rulesPage)
    {
        foreach (var line in rulesPage.Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (text.StartsWith("### `", StringComparison.Ordinal) && text.IndexOf('`', 5) is var end and > 5) yield return text[5..end];
        }
    }

    private static string? Resource(string name)
    {
        using var stream = typeof(RuleCatalog).Assembly.GetManifestResourceStream(name);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
