using System.Text.RegularExpressions;
using Muster.Model;
using Muster.Reports.Rules;

namespace Muster.Reports;

/// <summary>Where a report may link a finding: its advisories, its rule's documentation, its file at its line.</summary>
internal sealed partial class ReportLinks(ReportOptions options, string? auditedPrefix = null)
{
    public const string AdvisoryProperty = "advisory";
    public const string AliasesProperty = "aliases";

    /// <summary>GHSA and CVE ids the finding names (its advisory properties first, then its message), with their pages.</summary>
    public IReadOnlyList<(string Id, string Uri)> Advisories(Finding finding)
    {
        var text = string.Join(' ', finding.Properties.GetValueOrDefault(AdvisoryProperty), finding.Properties.GetValueOrDefault(AliasesProperty), finding.Title, finding.Message);
        return AdvisoryId().Matches(text).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(id => (id, AdvisoryUri(id))).ToList();
    }

    public static string AdvisoryUri(string id) => id.StartsWith("GHSA-", StringComparison.OrdinalIgnoreCase)
        ? "https://github.com/advisories/" + id
        : "https://nvd.nist.gov/vuln/detail/" + id.ToUpperInvariant();

    /// <summary>The rule's documentation section, or null when there is no documentation base or no page for it.</summary>
    public string? Rule(string ruleId) => RuleCatalog.BuiltIn.HelpUri(ruleId, options.DocsBaseUri);

    /// <summary>The file at its line in the repository's web view (<see cref="ReportOptions.RepositoryFileUri"/>), or null.</summary>
    public string? File(SourceLocation? location)
    {
        if (options.RepositoryFileUri is not { Length: > 0 } repository || location is not { Path.Length: > 0 }) return null;
        // A backslash separates folders only on Windows; elsewhere it belongs to the file's name and is escaped below.
        var path = (Path.DirectorySeparatorChar == '\\' ? location.Path.Replace('\\', '/') : location.Path).TrimStart('/');
        while (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..].TrimStart('/');
        if (path.Length == 0 || location.Path.StartsWith('/')) return null;
        var prefix = auditedPrefix is { Length: > 0 } p ? p.Trim('/') + "/" : "";
        var escaped = string.Join('/', (prefix + path).Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
        return repository.TrimEnd('/') + "/" + escaped + (location.Line > 0 ? "#L" + location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
    }

    [GeneratedRegex(@"\b(?:GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|CVE-\d{4}-\d{4,})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdvisoryId();
}
