using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// yarn.lock, classic (v1: <c>version "1.2.3"</c>) and berry (YAML: <c>version: 1.2.3</c>, <c>npm:</c> ranges). Keys
/// may be quoted and list several specs (<c>"a@^1", a@~1.2:</c>). yarn records no dev flag, so entries are
/// classified by walking from the sibling package.json's sections.
/// </summary>
internal sealed class YarnLockParser : IManifestParser
{
    public bool Matches(string fileName) => fileName == "yarn.lock";

    public void Parse(ManifestFile file, ParseResult result)
    {
        var graph = new LockGraph();
        var berry = false;
        List<string>? currentKeys = null;
        string? currentVersion = null;
        var currentLine = 0;
        var inDependencies = false;
        var pendingDeps = new List<string>();
        var skipEntry = false;
        string? currentIntegrity = null;

        void Flush()
        {
            if (currentKeys is null) return;
            if (currentVersion is null)
            {
                if (!skipEntry) result.Problems.Add(new ManifestProblem(file.RelativePath, currentLine, $"Entry '{string.Join(", ", currentKeys)}' has no version."));
            }
            else if (!skipEntry)
            {
                var specs = currentKeys.Select(ParseSpec).ToList();
                var node = graph.Add(RealName(currentKeys[0], specs[0].Name), currentVersion, currentLine, specs.Select(s => s.Name + "@" + s.Range));
                node.DependencyKeys.AddRange(pendingDeps);
                node.Hashes = Integrity.FromSri(currentIntegrity);
            }
            currentKeys = null;
            currentVersion = null;
            currentIntegrity = null;
            pendingDeps = [];
            inDependencies = false;
            skipEntry = false;
        }

        var lineNo = 0;
        foreach (var raw in file.Text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var indent = line.Length - line.TrimStart().Length;
            var content = line.Trim();
            if (indent == 0)
            {
                Flush();
                if (!content.EndsWith(':'))
                {
                    result.Problems.Add(new ManifestProblem(file.RelativePath, lineNo, $"Unexpected top-level line: '{Shorten(content)}'."));
                    continue;
                }
                var key = content[..^1];
                currentLine = lineNo;
                currentKeys = [.. key.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(k => k.Trim('"'))];
                skipEntry = key == "__metadata";
                berry |= skipEntry;
                continue;
            }
            if (currentKeys is null)
            {
                result.Problems.Add(new ManifestProblem(file.RelativePath, lineNo, "Indented line outside any entry."));
                continue;
            }
            if (indent <= 2)
            {
                inDependencies = content is "dependencies:" or "optionalDependencies:";
                var (field, value) = SplitField(content);
                if (field == "version") currentVersion = value;
                if (field == "integrity") currentIntegrity = value;
                if (field == "resolution" && value.Contains("@workspace:", StringComparison.Ordinal)) skipEntry = true;
                if (field == "linkType" && value == "soft") skipEntry = true;
                continue;
            }
            if (inDependencies)
            {
                var (depName, depRange) = SplitField(content);
                if (depName.Length > 0) pendingDeps.Add(depName + "@" + StripProtocol(depRange));
            }
        }
        Flush();

        var manifest = file.OpenSibling("package.json");
        var roots = manifest is null ? [] : PackageJsonParser.ReadDeclared(manifest, new ParseResult());
        graph.Classify(roots.Select(r => (r.Name + "@" + StripProtocol(r.Spec), r.Scope)));
        if (manifest is not null) result.Projects.Add(graph.Project(Ecosystem.Npm, file.RelativePath, roots.Select(r => r.Name + "@" + StripProtocol(r.Spec))));
        var kind = berry ? "yarn.lock (berry)" : "yarn.lock (classic)";
        foreach (var node in graph.Nodes)
        {
            result.Packages.Add(node.ToRecord(Ecosystem.Npm, file, kind));
        }
    }

    private static string Shorten(string s) => s.Length > 60 ? s[..60] + "…" : s;

    private static string Unquote(string s) => s.Length >= 2 && s[0] == '"' && s[^1] == '"' ? s[1..^1] : s;

    // Berry writes "npm:^1.2.3"; classic writes "^1.2.3".
    private static string StripProtocol(string range) => range.StartsWith("npm:", StringComparison.Ordinal) ? range[4..] : range;

    private static (string Name, string Range) ParseSpec(string spec)
    {
        var at = spec.IndexOf('@', 1);
        return at < 0 ? (spec, "*") : (spec[..at], StripProtocol(spec[(at + 1)..]));
    }

    /// <summary>An alias (<c>legacy@npm:left-pad@1.3.0</c>) installs the package after <c>npm:</c>: OSV and purls need that name.</summary>
    private static string RealName(string key, string name)
    {
        var npm = key.IndexOf("@npm:", 1, StringComparison.Ordinal);
        if (npm < 0) return name;
        var target = key[(npm + 5)..];
        var at = target.IndexOf('@', 1);
        if (at <= 0) return name;
        var real = target[..at];
        // A name: an optional @scope/ and no protocol, path or URL characters.
        var plain = real.StartsWith('@') ? real[1..] : real;
        return plain.Length > 0 && !real.Contains(':') && plain.Count(c => c == '/') == (real.StartsWith('@') ? 1 : 0) ? real : name;
    }

    // Classic: `version "1.2.3"` / `"@scope/x" "^1"`; berry: `version: 1.2.3` / `"@scope/x": "npm:^1"`.
    private static (string Field, string Value) SplitField(string content)
    {
        string field;
        string rest;
        if (content.StartsWith('"'))
        {
            var close = content.IndexOf('"', 1);
            if (close < 0) return ("", "");
            field = content[1..close];
            rest = content[(close + 1)..];
        }
        else
        {
            var end = content.IndexOfAny([' ', ':']);
            if (end < 0) return (content, "");
            field = content[..end];
            rest = content[end..];
        }
        rest = rest.TrimStart(':').Trim();
        return (field, Unquote(rest));
    }
}
