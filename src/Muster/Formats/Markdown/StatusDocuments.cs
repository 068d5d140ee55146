using Muster.Workspace;

namespace Muster.Formats.Markdown;

/// <summary>
/// The Markdown documents that make status claims: <c>*STATUS*.md</c> anywhere, <c>README.md</c> anywhere and
/// everything under a <c>docs/</c> folder. A document over the size limit is not read; callers that pass
/// <c>tooLarge</c> learn of each one, so they can report its claims as not verified.
/// </summary>
public static class StatusDocuments
{
    public const long MaxBytes = 4 * 1024 * 1024;

    /// <summary>The agent setting that raises <see cref="MaxBytes"/>, in every agent that reads status documents.</summary>
    public const string MaxBytesSetting = "max-document-bytes";

    public static IEnumerable<WorkspaceFile> Find(string root, CancellationToken cancellationToken, long maxBytes = MaxBytes, Action<WorkspaceFile>? tooLarge = null)
    {
        var walker = new WorkspaceWalker(root, new WalkOptions { Include = ["**/*.md"] });
        foreach (var file in walker.EnumerateFiles(cancellationToken))
        {
            if (!file.RelativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || !IsStatusDocument(file.RelativePath)) continue;
            if (file.Length > maxBytes) tooLarge?.Invoke(file);
            else yield return file;
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
    public static IEnumerable<(WorkspaceFile File, int Line, string Text)> Lines(string root, CancellationToken cancellationToken,
        long maxBytes = MaxBytes, Action<WorkspaceFile>? tooLarge = null)
    {
        foreach (var file in Find(root, cancellationToken, maxBytes, tooLarge))
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
