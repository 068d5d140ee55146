namespace Muster.Gaps;

/// <summary>A CODEOWNERS file: "pattern owner..." lines; for a path, the last matching line wins.</summary>
internal sealed class CodeOwners
{
    /// <summary>Where GitHub looks, in the order it looks; the first file found is used.</summary>
    public static readonly IReadOnlyList<string> Locations = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

    private readonly List<(PathPattern Pattern, string Owners)> _rules;

    private CodeOwners(string file, List<(PathPattern, string)> rules)
    {
        File = file;
        _rules = rules;
    }

    /// <summary>Root-relative path of the file read.</summary>
    public string File { get; }

    public static CodeOwners? Load(string root)
    {
        foreach (var location in Locations)
        {
            var path = Path.Combine(root, location);
            if (!System.IO.File.Exists(path)) continue;
            try
            {
                return Parse(System.IO.File.ReadAllText(path), location);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
        return null;
    }

    public static CodeOwners Parse(string text, string file)
    {
        var rules = new List<(PathPattern, string)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var hash = line.IndexOf(" #", StringComparison.Ordinal);
            if (hash >= 0) line = line[..hash].TrimEnd();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            // A pattern without owners un-assigns the path: it still wins over earlier lines.
            rules.Add((PathPattern.Parse(parts[0]), string.Join(' ', parts.Skip(1))));
        }
        return new CodeOwners(file, rules);
    }

    /// <summary>The owners of a path from the last matching line; null when no line matches or it names nobody.</summary>
    public string? OwnerOf(string relativePath)
    {
        for (var i = _rules.Count - 1; i >= 0; i--)
        {
            if (_rules[i].Pattern.Matches(relativePath)) return _rules[i].Owners.Length > 0 ? _rules[i].Owners : null;
        }
        return null;
    }
}
