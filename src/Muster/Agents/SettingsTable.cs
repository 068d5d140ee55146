using System.Text;

namespace Muster.Agents;

/// <summary>
/// The docs' settings table of one agent kind, between markers naming the kind, rendered from its
/// <see cref="AgentDescriptor.Settings"/>. Refreshed with MUSTER_UPDATE_DOCS=1 (or MUSTER_UPDATE_GOLDEN=1); a test fails when stale.
/// </summary>
public static class SettingsTable
{
    public static string Begin(string kind) =>
        $"<!-- generated:settings {kind} (from the agent's settings descriptions; refresh: MUSTER_UPDATE_DOCS=1 dotnet test) -->";

    public static string End(string kind) => $"<!-- /generated:settings {kind} -->";

    /// <summary>The table of <paramref name="settings"/> (a sentence when the kind takes none).</summary>
    public static string Render(IReadOnlyList<SettingDoc>? settings)
    {
        if (settings is null) return "This kind accepts any key.\n";
        if (settings.Count == 0) return "This kind takes no settings.\n";
        var md = new StringBuilder("| Key | Type | Default | Meaning |\n| --- | --- | --- | --- |\n");
        foreach (var s in settings)
        {
            var meaning = s.Description
                + (s.InsteadOf is { } other ? $" Instead of `{other}`, not with it." : "")
                + (s.Needs is { } needed ? $" Needs `{needed}`." : "");
            md.Append($"| `{s.Key}` | {Cell(s.Type.Name)} | {Cell(s.DefaultText)} | {Cell(meaning)} |\n");
        }
        return md.ToString();
    }

    /// <summary>The table of <paramref name="settings"/> between the markers of <paramref name="kind"/>.</summary>
    public static string Section(string kind, IReadOnlyList<SettingDoc>? settings) =>
        Begin(kind) + "\n" + Render(settings) + End(kind);

    /// <summary>
    /// <paramref name="markdown"/> with the section of every kind of <paramref name="registry"/> it holds re-rendered;
    /// <paramref name="kinds"/> receives the kinds found.
    /// </summary>
    /// <exception cref="InvalidDataException">A begin marker without its end marker.</exception>
    public static string Refresh(string markdown, AgentRegistry registry, ICollection<string> kinds)
    {
        foreach (var descriptor in registry.All)
        {
            var begin = Begin(descriptor.Kind);
            var start = markdown.IndexOf(begin, StringComparison.Ordinal);
            if (start < 0) continue;
            var end = markdown.IndexOf(End(descriptor.Kind), start, StringComparison.Ordinal);
            if (end < 0) throw new InvalidDataException($"'{begin}' has no '{End(descriptor.Kind)}' after it");
            kinds.Add(descriptor.Kind);
            var section = Section(descriptor.Kind, descriptor.Settings);
            markdown = markdown[..start] + section + markdown[(end + End(descriptor.Kind).Length)..];
        }
        return markdown;
    }

    /// <summary>The docs page holding the index, and the tables of kinds no page of their own describes.</summary>
    public const string IndexPage = "settings.md";

    public const string IndexBegin = "<!-- generated:settings-index (where each kind's settings table is; refresh: MUSTER_UPDATE_DOCS=1 dotnet test) -->";
    public const string IndexEnd = "<!-- /generated:settings-index -->";

    /// <summary>
    /// <paramref name="markdown"/> with its index section listing every kind of <paramref name="registry"/>, its keys
    /// and the page (relative to docs/) whose table describes them (<paramref name="pageOfKind"/>).
    /// </summary>
    /// <exception cref="InvalidDataException">The markers are missing.</exception>
    public static string RefreshIndex(string markdown, AgentRegistry registry, IReadOnlyDictionary<string, string> pageOfKind)
    {
        var start = markdown.IndexOf(IndexBegin, StringComparison.Ordinal);
        var end = markdown.IndexOf(IndexEnd, StringComparison.Ordinal);
        if (start < 0 || end < start) throw new InvalidDataException($"no '{IndexBegin}' ... '{IndexEnd}' section");
        var md = new StringBuilder("| Kind | Settings | Table |\n| --- | --- | --- |\n");
        foreach (var d in registry.All)
        {
            var keys = d.SettingKeys is null ? "any" : d.SettingKeys.Count == 0 ? "none" : string.Join(", ", d.SettingKeys.Select(k => $"`{k}`"));
            var page = !pageOfKind.TryGetValue(d.Kind, out var p) ? "(none)" : p == IndexPage ? $"[below](#{d.Kind})" : $"[{p}]({p})";
            md.Append($"| `{d.Kind}` | {keys} | {page} |\n");
        }
        return markdown[..(start + IndexBegin.Length)] + "\n" + md + markdown[end..];
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
