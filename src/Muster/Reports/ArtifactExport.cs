using System.Text;
using Muster.Engine;

namespace Muster.Reports;

/// <summary>
/// Writes every agent's artifacts beside the reports, as <c>artifacts/AGENT/NAME</c>, so that report.html's links
/// resolve and "Files created" lists files that exist. Names are reduced to safe file names (no folders, no '..');
/// two artifacts that would share a name get "-2", "-3".
/// </summary>
internal static class ArtifactExport
{
    public const string FolderName = "artifacts";

    public static async Task<IReadOnlyList<ExportedArtifact>> WriteAsync(RunOutcome outcome, string reportDirectory, CancellationToken cancellationToken)
    {
        var exported = new List<ExportedArtifact>();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var agent in outcome.Agents.OrderBy(a => a.WaveIndex).ThenBy(a => a.AgentId, StringComparer.Ordinal))
        {
            foreach (var artifact in agent.Result.Artifacts.OrderBy(a => a.Name, StringComparer.Ordinal))
            {
                var relative = Unique($"{FolderName}/{SafeName(agent.AgentId)}/{SafeName(artifact.Name)}", taken);
                var target = Path.Combine(reportDirectory, relative.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var bytes = new UTF8Encoding(false).GetBytes(artifact.Content);
                await ReportWriter.WriteAtomicallyAsync(target, stream => stream.WriteAsync(bytes, cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false);
                exported.Add(new ExportedArtifact(relative, agent.AgentId, artifact.MediaType, bytes.Length));
            }
        }
        return exported;
    }

    /// <summary>A file name made of letters, digits, '.', '-' and '_' only, never "." or "..".</summary>
    internal static string SafeName(string name)
    {
        var segments = name.Split('/', '\\').Where(s => s.Length > 0 && s != "." && s != "..");
        var safe = new string(string.Join('_', segments).Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' or '_' ? ch : '_').ToArray()).Trim('.');
        return safe.Length == 0 ? "artifact" : safe;
    }

    private static string Unique(string path, HashSet<string> taken)
    {
        if (taken.Add(path)) return path;
        var extension = Path.GetExtension(path);
        var stem = path[..^extension.Length];
        for (var n = 2; ; n++)
        {
            var candidate = $"{stem}-{n}{extension}";
            if (taken.Add(candidate)) return candidate;
        }
    }
}
