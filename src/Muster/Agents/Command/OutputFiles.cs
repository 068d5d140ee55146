using Microsoft.Extensions.FileSystemGlobbing;
using Muster.Workspace;

namespace Muster.Agents.Command;

/// <summary>
/// The report files a command wrote (<c>output-file</c>: a path or a glob under the root). Only files written during
/// this run count: a stale report from an earlier run must not pass for today's result.
/// </summary>
internal static class OutputFiles
{
    public static IReadOnlyList<(string RelativePath, string Text)> Read(string root, string pattern, DateTime notBeforeUtc, int maxBytes)
    {
        if (Path.IsPathRooted(pattern))
        {
            throw new AgentSettingsException($"setting 'output-file' must be relative to the audited root, not '{pattern}'");
        }
        IEnumerable<string> candidates;
        if (pattern.IndexOfAny(['*', '?', '[']) >= 0)
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddInclude(pattern);
            candidates = matcher.GetResultsInFullPath(root).Order(StringComparer.Ordinal);
        }
        else
        {
            candidates = [Path.GetFullPath(Path.Combine(root, pattern))];
        }
        var files = new List<(string, string)>();
        foreach (var full in candidates)
        {
            var relative = RootPaths.ToRelative(root, full)
                ?? throw new AgentSettingsException($"setting 'output-file' ('{pattern}') leads outside the audited root");
            if (RootPaths.FirstSymlinkBetween(root, full) is { } link)
            {
                throw new InvalidOperationException($"output file '{relative}' passes through the symbolic link '{link}'; not read");
            }
            var info = new FileInfo(full);
            if (!info.Exists) continue;
            // Filesystem timestamps can be coarser than the clock: allow two seconds.
            if (info.LastWriteTimeUtc < notBeforeUtc.AddSeconds(-2))
            {
                throw new InvalidOperationException(
                    $"output file '{relative}' was last written {info.LastWriteTimeUtc:u}, before the command started: it is not this run's output");
            }
            if (info.Length > maxBytes)
            {
                throw new InvalidOperationException($"output file '{relative}' is {info.Length:N0} bytes, over max-output-bytes ({maxBytes:N0})");
            }
            files.Add((relative, File.ReadAllText(full)));
        }
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"the command wrote no output file matching '{pattern}'");
        }
        return files;
    }
}
