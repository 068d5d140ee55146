using Muster.Formats.Packages.Model;
using Tomlyn.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// The package entries of a TOML Python lockfile (pdm.lock, pylock.toml), located at their <c>name = "…"</c> line.
/// An entry without a name is a problem; one without a version (a VCS checkout, a local path, a URL) is kept with its
/// source as the range; the rest are handed back for the parser's graph.
/// </summary>
internal static class PythonLockSources
{
    public static IEnumerable<(TomlTable Entry, string Name, string Version, int Line)> Versioned(
        ManifestFile file, IEnumerable<TomlTable> entries, string kind, string missingName, ParseResult result)
    {
        var searchFrom = 0;
        foreach (var entry in entries)
        {
            var name = entry.String("name");
            var offset = name is null ? searchFrom : file.Lines.OffsetOf($"name = \"{name}\"", searchFrom);
            searchFrom = Math.Max(searchFrom, offset);
            var line = file.Lines.LineOf(offset);
            if (name is null)
            {
                result.Problems.Add(new ManifestProblem(file.RelativePath, line, missingName));
                continue;
            }
            if (entry.String("version") is { } version) yield return (entry, name, version, line);
            else result.Packages.Add(Unversioned(file, name, line, kind, entry));
        }
    }

    private static PackageRecord Unversioned(ManifestFile file, string name, int line, string kind, TomlTable entry) => new()
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
