using Muster.Workspace;

namespace Muster.Workspace;

/// <summary>
/// Drops files that belong to installed third-party code rather than the project: anything inside a virtualenv (a
/// folder holding <c>pyvenv.cfg</c>, whatever its name; the walker already skips <c>.venv</c> and <c>venv</c>) or a
/// <c>site-packages</c>/<c>dist-packages</c> folder. Their imports are other people's, and their tests are not the project's.
/// </summary>
internal static class InstalledCodeFilter
{
    public static List<WorkspaceFile> ProjectFilesOnly(IEnumerable<WorkspaceFile> files)
    {
        var all = files.ToList();
        var venvRoots = all.Where(f => Path.GetFileName(f.RelativePath) == "pyvenv.cfg")
            .Select(f => PathProbe.DirectoryOf(f.RelativePath) + "/").ToList();
        return all.Where(f => !IsInstalled(f.RelativePath, venvRoots)).ToList();
    }

    private static bool IsInstalled(string relativePath, List<string> venvRoots)
    {
        if (venvRoots.Any(root => root == "/" || relativePath.StartsWith(root, StringComparison.Ordinal))) return true;
        var parts = relativePath.Split('/');
        for (var i = 0; i < parts.Length - 1; i++) if (parts[i] is "site-packages" or "dist-packages") return true;
        return false;
    }
}
