using Muster.Workspace;

namespace Muster.Formats.Markdown;

/// <summary>
/// The Markdown documents that make status claims: <c>*STATUS*.md</c> anywhere, <c>README.md</c> anywhere and
/// everything under a <c>docs/</c> folder.
/// </summary>
public static class StatusDocuments
{
    public const long MaxBytes = 2 * 1024 * 1024;

    public static IEnumerable<WorkspaceFile> Find(string root, CancellationToken cancellationToken)
    {
        var walker = new WorkspaceWalker(root, new WalkOptions { Include = ["**/*.md"] });
        foreach (var file in walker.EnumerateFiles(cancellationToken))
        {
            if (file.Length > MaxBytes || !file.RelativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) continue;
            if (IsStatusDocument(file.RelativePath)) yield return file;
        }
    }

    public static bool IsStatusDocument(string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        return name.Contains("STATUS", StringComparison.OrdinalIgnoreCase)
            || name.Equals("README.md", StringComparison.OrdinalIgnoreCase)
            || relativePath.StartsWith("docs/", StringComparison.OrdinalIgnoreCase)
            || relativePath.Contains("/docs/", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Each line of each status document, 1-based, for claim parsers.</summary>
    public static IEnumerable<(WorkspaceFile File, int Line, string Text)> Lines(string root, CancellationToken cancellationToken)
    {
        foreach (var file in Find(root, cancellationToken))
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(file.FullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            for (var i = 0; i < lines.Length; i++) yield return (file, i + 1, lines[i]);
        }
    }
}
