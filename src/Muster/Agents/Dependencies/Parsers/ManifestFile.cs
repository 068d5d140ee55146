namespace Muster.Agents.Dependencies.Parsers;

/// <summary>A manifest's text plus access to files beside it (a lockfile's package.json, an included requirements file).</summary>
internal sealed class ManifestFile(string relativePath, string fullPath, string text)
{
    private TextLines? _lines;

    public string RelativePath { get; } = relativePath;
    public string FullPath { get; } = fullPath;
    public string Text { get; } = text;
    public string FileName => Path.GetFileName(FullPath);

    public TextLines Lines => _lines ??= new TextLines(Text);

    /// <summary>Path relative to the audited root of a file named relative to this one's folder.</summary>
    public string RelativeSibling(string relative)
    {
        var folder = Path.GetDirectoryName(RelativePath.Replace('/', Path.DirectorySeparatorChar)) ?? "";
        return Path.Combine(folder, relative).Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>Reads a file relative to this one's folder; null when it does not exist.</summary>
    public ManifestFile? OpenSibling(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(FullPath) ?? "", relative));
        if (!File.Exists(full)) return null;
        var rel = Path.GetRelativePath(Path.GetDirectoryName(FullPath) ?? "", full);
        return new ManifestFile(NormalizeRelative(RelativeSibling(rel)), full, File.ReadAllText(full));
    }

    private static string NormalizeRelative(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "." or "") continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
