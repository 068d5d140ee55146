using System.Text.RegularExpressions;
using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// pip requirements files (<c>requirements*.txt</c>, <c>*requirements.txt</c>): line continuations, comments, <c>-r</c>
/// includes (followed, cycle-safe), <c>-c</c> constraints (a constraint pin fixes the version of a requirement
/// that only gives a range), extras, markers, <c>--hash</c> options, direct URLs and editable installs. Files whose
/// name mentions dev/test/lint/doc are development requirements.
/// </summary>
internal sealed partial class RequirementsTxtParser : IManifestParser
{
    [GeneratedRegex(@"(^|\s)#.*$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"#egg=(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)")]
    private static partial Regex Egg();

    [GeneratedRegex(@"(dev|test|lint|doc|ci)", RegexOptions.IgnoreCase)]
    private static partial Regex DevName();

    private static readonly string[] IgnoredOptions =
    [
        "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--trusted-host", "--no-binary", "--only-binary",
        "--prefer-binary", "--pre", "--no-index", "--require-hashes", "--use-feature", "--config-settings", "-C",
        "--global-option",
    ];

    public bool Matches(string fileName) =>
        fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) &&
        (fileName.StartsWith("requirements", StringComparison.OrdinalIgnoreCase) ||
         fileName.EndsWith("requirements.txt", StringComparison.OrdinalIgnoreCase));

    public void Parse(ManifestFile file, ParseResult result)
    {
        var scope = DevName().IsMatch(Path.GetFileNameWithoutExtension(file.FileName).Replace("requirements", "", StringComparison.OrdinalIgnoreCase))
            ? DependencyScope.Development
            : DependencyScope.Production;
        var constraints = new Dictionary<string, (string Version, string Path)>(StringComparer.Ordinal);
        var start = result.Packages.Count;
        ParseFile(file, scope, result, constraints, new HashSet<string>(StringComparer.Ordinal), depth: 0);
        for (var i = start; i < result.Packages.Count; i++)
        {
            var p = result.Packages[i];
            if (p.Version is null && constraints.TryGetValue(Pep503.Normalize(p.Name), out var pin))
            {
                result.Packages[i] = p with { Version = pin.Version, ManifestKind = $"{p.ManifestKind} (version from constraints {pin.Path})" };
            }
        }
    }

    private void ParseFile(ManifestFile file, DependencyScope scope, ParseResult result,
        Dictionary<string, (string, string)> constraints, HashSet<string> visited, int depth)
    {
        if (!visited.Add(file.FullPath)) return;
        foreach (var (line, text) in LogicalLines(file.Text))
        {
            var content = Comment().Replace(text, "").Trim();
            if (content.Length == 0) continue;
            if (content.StartsWith('-'))
            {
                HandleOption(file, line, content, scope, result, constraints, visited, depth);
                continue;
            }
            if (result.Packages.Full)
            {
                result.Packages.Skip(line);
                continue;
            }
            AddRequirement(file, line, content, scope, editable: false, result);
        }
    }

    private void HandleOption(ManifestFile file, int line, string content, DependencyScope scope, ParseResult result,
        Dictionary<string, (string, string)> constraints, HashSet<string> visited, int depth)
    {
        var (option, argument) = SplitOption(content);
        switch (option)
        {
            case "-r" or "--requirement" or "-c" or "--constraint":
                {
                    if (file.Resolve(argument) is { Outside: true } outside)
                    {
                        result.Problems.Add(new ManifestProblem(file.RelativePath, line,
                            $"Requirements include a file outside the workspace: {argument} ({outside.Refusal}); it was not read, so its requirements were not audited."));
                        return;
                    }
                    var included = depth < 16 ? file.OpenSibling(argument) : null;
                    if (included is null)
                    {
                        result.Problems.Add(new ManifestProblem(file.RelativePath, line, $"Included file '{argument}' not found or nested too deep; its requirements were not audited."));
                        return;
                    }
                    result.FilesRead.Add(included.RelativePath);
                    if (option is "-r" or "--requirement")
                    {
                        ParseFile(included, scope, result, constraints, visited, depth + 1);
                    }
                    else
                    {
                        ReadConstraints(included, result, constraints);
                    }
                    return;
                }
            case "-e" or "--editable":
                AddRequirement(file, line, argument, scope, editable: true, result);
                return;
            default:
                if (!IgnoredOptions.Contains(option))
                {
                    result.Problems.Add(new ManifestProblem(file.RelativePath, line, $"Unknown pip option '{option}' ignored."));
                }
                return;
        }
    }

    private static void ReadConstraints(ManifestFile file, ParseResult result, Dictionary<string, (string, string)> constraints)
    {
        foreach (var (line, text) in LogicalLines(file.Text))
        {
            var content = Comment().Replace(text, "").Trim();
            if (content.Length == 0 || content.StartsWith('-')) continue;
            if (!Pep508Requirement.TryParse(StripHashes(content), out var req, out var error))
            {
                result.Problems.Add(new ManifestProblem(file.RelativePath, line, error));
                continue;
            }
            if (req.ExactVersion is { } pin) constraints[Pep503.Normalize(req.Name)] = (pin, file.RelativePath);
        }
    }

    private static void AddRequirement(ManifestFile file, int line, string content, DependencyScope scope, bool editable, ParseResult result)
    {
        var requirement = StripHashes(content);
        if (LooksLikeUrlOrPath(requirement))
        {
            var egg = Egg().Match(requirement);
            // A local path or a URL without #egg= names no package we could audit; local projects are not dependencies.
            if (!egg.Success) return;
            Add(file, result, egg.Groups["name"].Value, null, requirement, scope, line, editable ? "requirements.txt (editable)" : "requirements.txt (URL)");
            return;
        }
        if (!Pep508Requirement.TryParse(requirement, out var req, out var error))
        {
            result.Problems.Add(new ManifestProblem(file.RelativePath, line, error));
            return;
        }
        Add(file, result, req.Name, req.ExactVersion, req.Url ?? req.Specifier ?? "*", scope, line, req.Url is null ? "requirements.txt" : "requirements.txt (URL)");
    }

    private static void Add(ManifestFile file, ParseResult result, string name, string? version, string range, DependencyScope scope, int line, string kind) =>
        result.Packages.Add(new PackageRecord
        {
            Ecosystem = Ecosystem.PyPI,
            Name = name,
            Version = version,
            Range = range,
            Direct = true,
            Scope = scope,
            ManifestPath = file.RelativePath,
            Line = line,
            ManifestKind = kind,
        });

    private static bool LooksLikeUrlOrPath(string s) =>
        s.Contains("://", StringComparison.Ordinal) && !s.Contains(" @ ", StringComparison.Ordinal) && !s.Contains("@ ", StringComparison.Ordinal)
        || s.StartsWith('.') || s.StartsWith('/') || s.StartsWith("file:", StringComparison.Ordinal);

    /// <summary>
    /// The requirement without its per-requirement options (<c>--hash=...</c>, <c>--config-settings k=v</c>, <c>-C k=v</c>,
    /// <c>--global-option</c>): everything from the first whitespace followed by <c>-</c> and a letter, outside quotes
    /// (a marker's string may hold " -x").
    /// </summary>
    private static string StripHashes(string content)
    {
        char quote = '\0';
        for (var i = 0; i < content.Length - 2; i++)
        {
            var c = content[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                continue;
            }
            if (c is '"' or '\'') quote = c;
            else if (char.IsWhiteSpace(c) && content[i + 1] == '-' && (char.IsAsciiLetter(content[i + 2]) || content[i + 2] == '-')) return content[..i].Trim();
        }
        return content;
    }

    private static (string Option, string Argument) SplitOption(string content)
    {
        var end = content.IndexOfAny([' ', '=', '\t']);
        if (end < 0) return (content, "");
        return (content[..end], content[(end + 1)..].Trim().TrimStart('=').Trim());
    }

    /// <summary>
    /// Joins backslash continuations; yields each logical line with the number of its first physical line. Lines are
    /// cut from the text one at a time, so a file of a million lines is never a million strings at once.
    /// </summary>
    private static IEnumerable<(int Line, string Text)> LogicalLines(string text)
    {
        var position = 0;
        var number = 0;
        while (position <= text.Length && !(position == text.Length && number > 0 && text[^1] == '\n'))
        {
            var start = ++number;
            var current = NextLine(text, ref position);
            while (current.EndsWith('\\') && position < text.Length)
            {
                number++;
                current = current[..^1] + " " + NextLine(text, ref position).Trim();
            }
            yield return (start, current.TrimEnd('\\'));
        }
    }

    private static string NextLine(string text, ref int position)
    {
        var end = text.IndexOf('\n', position);
        if (end < 0) end = text.Length;
        var line = text[position..end].TrimEnd('\r');
        position = end + 1;
        return line;
    }
}
