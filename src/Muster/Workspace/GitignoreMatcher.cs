namespace Muster.Workspace;

/// <summary>
/// Evaluates .gitignore files the way git does, for roots that are not git work trees: patterns of deeper files
/// override shallower ones, the last matching line wins, '!' re-includes, and nothing under an excluded folder can be
/// re-included.
/// </summary>
public sealed class GitignoreMatcher
{
    private readonly List<GitignorePattern> _patterns = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _folderDecisions = new(StringComparer.Ordinal);

    public int PatternCount => _patterns.Count;

    /// <summary>Builds a matcher from every file named .gitignore among <paramref name="files"/>; unreadable ones are reported.</summary>
    public static GitignoreMatcher FromFiles(IEnumerable<WorkspaceFile> files, Action<string, string>? onError = null)
    {
        var matcher = new GitignoreMatcher();
        foreach (var file in files
                     .Where(f => f.RelativePath == ".gitignore" || f.RelativePath.EndsWith("/.gitignore", StringComparison.Ordinal))
                     .OrderBy(f => f.RelativePath.Count(c => c == '/')))
        {
            try
            {
                var baseDir = file.RelativePath.Length > ".gitignore".Length ? file.RelativePath[..^"/.gitignore".Length] : "";
                matcher.Add(baseDir, File.ReadAllText(file.FullPath));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                onError?.Invoke(file.RelativePath, e.Message);
            }
        }
        return matcher;
    }

    /// <summary>Adds the lines of one .gitignore located in <paramref name="baseDirectory"/> ("" for the root). Add shallow files first.</summary>
    public void Add(string baseDirectory, string content)
    {
        foreach (var raw in content.Split('\n'))
        {
            if (GitignorePattern.TryParse(baseDirectory, raw.TrimEnd('\r'), out var pattern)) _patterns.Add(pattern);
        }
        _folderDecisions.Clear();
    }

    public bool IsIgnored(string relativePath, bool isDirectory = false)
    {
        var parts = relativePath.Split('/');
        var prefix = "";
        for (var i = 0; i < parts.Length - 1; i++)
        {
            prefix = i == 0 ? parts[0] : prefix + "/" + parts[i];
            // Files share their folders: each folder is decided once, not once per file below it.
            if (_folderDecisions.GetOrAdd(prefix, static (folder, self) => self.Decide(folder, isDirectory: true), this)) return true;
        }
        return Decide(relativePath, isDirectory);
    }

    private bool Decide(string path, bool isDirectory)
    {
        var ignored = false;
        foreach (var pattern in _patterns)
        {
            if (pattern.Matches(path, isDirectory)) ignored = !pattern.Negated;
        }
        return ignored;
    }
}
