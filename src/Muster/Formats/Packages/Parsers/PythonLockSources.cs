using Muster.Formats.Packages.Model;
using Tomlyn.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>Python lock entries without a version (VCS checkouts, local paths, URLs): kept, with their source as the range.</summary>
internal static class PythonLockSources
{
    public static PackageRecord Unversioned(ManifestFile file, string name, int line, string kind, TomlTable entry) => new()
    {
        Ecosystem = Ecosystem.PyPI,
        Name = name,
        Range = Describe(entry),
        ManifestPath = file.RelativePath,
        Line = line,
        ManifestKind = kind,
        FromLockfile = true,
    };

    /// <summary>"git+URL@revision", "path ../lib", "url …": what the lockfile installs instead of an index version.</summary>
    public static string Describe(TomlTable entry)
    {
        if (entry.Table("vcs") is { } vcs)
        {
            var vcsUrl = vcs.String("url") ?? vcs.String("path") ?? "";
            var revision = vcs.String("commit-id") ?? vcs.String("requested-revision");
            return $"{vcs.String("type") ?? "vcs"}+{vcsUrl}{(revision is null ? "" : "@" + revision)}";
        }
        if (entry.String("git") is { } git)
        {
            var revision = entry.String("revision") ?? entry.String("ref");
            return "git+" + git + (revision is null ? "" : "@" + revision);
        }
        if (entry.Table("directory") is { } directory) return "path " + (directory.String("path") ?? "");
        if (entry.String("path") is { } path) return "path " + path;
        if (entry.Table("archive") is { } archive) return "url " + (archive.String("url") ?? archive.String("path") ?? "");
        if (entry.String("url") is { } url) return "url " + url;
        return "unversioned";
    }
}
