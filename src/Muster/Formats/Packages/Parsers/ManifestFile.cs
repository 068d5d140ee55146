using Muster.Workspace;

namespace Muster.Formats.Packages.Parsers;

/// <summary>A manifest's text plus access to files beside it (a lockfile's package.json, an included requirements file).</summary>
internal sealed class ManifestFile(string relativePath, string fullPath, string text)
{
    private TextLines? _lines;

    public string RelativePath { get; } = relativePath;
    public string FullPath { get; } = fullPath;
    public string Text { get; } = text;
    public string FileName => Path.GetFileName(FullPath);

    public TextLines Lines => _lines ??= new TextLines(Text);

    /// <summary>
    /// Reads a file named relative to this one's folder (an included requirements file, a lockfile's package.json).
    /// Null when it does not exist, lies outside the audited root, or is a symbolic link: agents never read outside
    /// the root, and an include must not become a way out of it.
    /// </summary>
    public ManifestFile? OpenSibling(string relative)
    {
        var reference = Resolve(relative);
        if (reference.Outside) return null;
        var info = new FileInfo(reference.FullPath!);
        if (!info.Exists || info.LinkTarget is not null) return null;
        return new ManifestFile(reference.RelativePath!, reference.FullPath!, File.ReadAllText(reference.FullPath!));
    }

    /// <summary>Where <paramref name="relative"/> (from this file's folder) leads, confined to the audited root, symbolic links included.</summary>
    public WorkspaceReference Resolve(string relative) =>
        WorkspaceReference.Resolve(AuditedRoot(), Path.GetDirectoryName(Path.GetFullPath(FullPath)) ?? "", relative);

    // FullPath is the root joined with RelativePath, so the root is what precedes the relative part.
    private string AuditedRoot()
    {
        var full = Path.GetFullPath(FullPath);
        var relative = RelativePath.Replace('/', Path.DirectorySeparatorChar);
        return full.EndsWith(relative, StringComparison.Ordinal)
            ? full[..^relative.Length].TrimEnd(Path.DirectorySeparatorChar)
            : Path.GetDirectoryName(full) ?? full;
    }
}
