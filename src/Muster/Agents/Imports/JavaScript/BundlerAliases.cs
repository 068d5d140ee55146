using System.Text.RegularExpressions;
using Muster.Formats.JavaScript;

namespace Muster.Agents.Imports.JavaScript;

/// <summary>
/// Module names a bundler config defines without a file behind them under that name: <c>resolve.alias</c> keys
/// (object keys or <c>{ find: 'x' }</c>), Jest <c>moduleNameMapper</c> patterns, and virtual module ids a plugin
/// answers for (<c>id === 'virtual-x'</c> or <c>case 'virtual-x':</c>, directly or through a <c>const</c>). Read from the config's tokens, never
/// run; the targets are not verified, so a match makes an import "alias, unverified" rather than missing.
/// </summary>
internal sealed partial class BundlerAliases
{
    private readonly List<string> _keys = [];

    public string ConfigPath { get; }

    private BundlerAliases(string configPath) => ConfigPath = configPath;

    public IReadOnlyList<string> Keys => _keys;

    public static bool IsConfigFile(string fileName) => ConfigName().IsMatch(fileName);

    public static BundlerAliases Read(string relativePath, string source)
    {
        var aliases = new BundlerAliases(relativePath);
        var t = JsTokenizer.Tokenize(source);
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 < t.Count; i++)
        {
            if (t[i].Is("const") && t[i + 1].Kind == JsTokenKind.Name && t[i + 2].Is("=") && t[i + 3].Kind == JsTokenKind.String) constants[t[i + 1].Text] = t[i + 3].Text;
        }
        for (var i = 0; i < t.Count; i++)
        {
            var token = t[i];
            var isKey = token.Kind is JsTokenKind.Name or JsTokenKind.String && i + 2 < t.Count && t[i + 1].Is(":");
            if (isKey && token.Text is "alias" or "moduleNameMapper" && t[i + 2].Is("{")) aliases.ObjectKeys(t, i + 2, token.Text == "moduleNameMapper");
            else if (isKey && token.Text == "find" && t[i + 2].Kind == JsTokenKind.String) aliases.Add(t[i + 2].Text);
            else if (token.Is("case") && i + 2 < t.Count && t[i + 1].Kind == JsTokenKind.String && t[i + 2].Is(":")) aliases.Add(t[i + 1].Text);
            else if (token.Is("=") && i + 1 < t.Count && t[i + 1].Is("=") && i > 0 && !t[i - 1].Is("="))
            {
                // The tokenizer yields '=' one by one: `id === X` is Name '=' '=' '=' X.
                var right = i + 2 < t.Count && t[i + 2].Is("=") ? i + 3 : i + 2;
                foreach (var side in new[] { i - 1, right })
                {
                    if (side < 0 || side >= t.Count) continue;
                    if (t[side].Kind == JsTokenKind.String) aliases.Add(t[side].Text);
                    else if (t[side].Kind == JsTokenKind.Name && constants.TryGetValue(t[side].Text, out var value)) aliases.Add(value);
                }
            }
        }
        return aliases;
    }

    /// <summary>Whether <paramref name="specifier"/> is an alias key or lies under one (<c>@lib/x</c> for <c>@lib</c>).</summary>
    public bool Defines(string specifier)
    {
        foreach (var key in _keys)
        {
            if (specifier == key) return true;
            if (key.EndsWith('/') ? specifier.StartsWith(key, StringComparison.Ordinal) : specifier.StartsWith(key + "/", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private void ObjectKeys(IReadOnlyList<JsToken> t, int open, bool patterns)
    {
        var depth = 0;
        for (var j = open; j < t.Count; j++)
        {
            if (t[j].Is("{") || t[j].Is("[") || t[j].Is("(")) { depth++; continue; }
            if (t[j].Is("}") || t[j].Is("]") || t[j].Is(")")) { if (--depth == 0) return; continue; }
            if (depth == 1 && t[j].Kind is JsTokenKind.Name or JsTokenKind.String && j + 1 < t.Count && t[j + 1].Is(":") &&
                (j == open + 1 || t[j - 1].Is(",")))
            {
                Add(patterns ? PatternPrefix(t[j].Text) : t[j].Text);
            }
        }
    }

    /// <summary>A moduleNameMapper regex such as <c>^@/(.*)$</c> as the literal prefix it matches (<c>@/</c>).</summary>
    private static string PatternPrefix(string pattern)
    {
        var text = pattern.TrimStart('^');
        var cut = text.IndexOfAny(['(', '.', '*', '[', '$', '\\', '+', '?']);
        return cut < 0 ? text : text[..cut];
    }

    private void Add(string key)
    {
        if (key.Length > 0 && !key.StartsWith("./", StringComparison.Ordinal) && !key.StartsWith("../", StringComparison.Ordinal)) _keys.Add(key);
    }

    [GeneratedRegex(@"^(vite|vitest|vitest\.workspace|webpack|rollup|rolldown|next|nuxt|astro|svelte|tsup|jest|electron\.vite|quasar|rspack|remix|react-router)(\.[a-z]+)?\.config\.(js|cjs|mjs|ts|cts|mts)$|^(vite|webpack|rollup|jest)\.config\.[a-z]+\.(js|ts|mjs)$", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigName();
}
