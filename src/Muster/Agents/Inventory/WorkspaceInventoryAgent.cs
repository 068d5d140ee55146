using System.Text;
using Muster.Model;
using Muster.Workspace;

namespace Muster.Agents.Inventory;

/// <summary>
/// Maps the workspace (the seed's "workspace learning" wave): files by type, total size, and files too large to be
/// read whole by tools with a read limit, which later agents must read in chunks.
/// </summary>
internal sealed class WorkspaceInventoryAgent : IAgent
{
    public static readonly AgentDescriptor Descriptor =
        new("workspace-inventory", AgentRole.Scanner, "Maps the workspace: files by type, sizes, files too large to read whole.",
            () => new WorkspaceInventoryAgent())
        {
            Settings = WorkspaceInventorySettings.Docs,
            ValidateSettings = s => WorkspaceInventorySettings.From(s),
        };

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var settings = WorkspaceInventorySettings.From(context.Settings);
        var largeBytes = settings.LargeFileBytes;
        var walker = new WorkspaceWalker(context.Root, new WalkOptions
        {
            Include = settings.Include,
            Exclude = settings.Exclude,
        });
        var byExtension = new SortedDictionary<string, (int Files, long Bytes)>(StringComparer.Ordinal);
        var large = new List<WorkspaceFile>();
        long totalBytes = 0;
        var files = 0;
        foreach (var file in walker.EnumerateFiles(cancellationToken))
        {
            files++;
            totalBytes += file.Length;
            var ext = Path.GetExtension(file.RelativePath) is { Length: > 0 } e ? e.ToLowerInvariant() : "(none)";
            var (f, b) = byExtension.GetValueOrDefault(ext);
            byExtension[ext] = (f + 1, b + file.Length);
            if (file.Length >= largeBytes) large.Add(file);
            if (files % 1000 == 0) context.ReportProgress($"{files:N0} files");
        }

        var table = new StringBuilder("| Extension | Files | Bytes |\n|---|---:|---:|\n");
        foreach (var (ext, (f, b)) in byExtension.OrderByDescending(kv => kv.Value.Files).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            table.Append($"| {ext} | {f} | {b} |\n");
        }
        var artifacts = new List<Artifact> { new("inventory.md", "text/markdown", table.ToString()) };
        if (large.Count > 0)
        {
            artifacts.Add(new Artifact("large-files.txt", "text/plain",
                string.Join('\n', large.OrderByDescending(l => l.Length).Select(l => $"{l.Length}\t{l.RelativePath}")) + "\n"));
        }
        var errors = walker.Errors.Select(e => new Finding
        {
            RuleId = "MUSTER-SCAN-ERROR",
            Title = "File or folder could not be read",
            Severity = Severity.Info,
            Category = "scan",
            Message = $"Not audited: {e.Message}",
            Location = new SourceLocation(e.RelativePath),
            Remediation = "Make the path readable by the user running Muster, or exclude it explicitly.",
        }.WithDefaultFingerprint()).ToList();

        return Task.FromResult(new AgentResult
        {
            Findings = errors,
            Artifacts = artifacts,
            Summary = $"{files:N0} files ({totalBytes:N0} bytes) in {byExtension.Count} types; {large.Count} larger than {largeBytes:N0} bytes; " +
                      $"{walker.SkippedDirectories} folders skipped; {walker.Errors.Count} unreadable.",
            Metrics = new Dictionary<string, double>
            {
                ["files"] = files,
                ["bytes"] = totalBytes,
                ["large_files"] = large.Count,
                ["scan_errors"] = walker.Errors.Count,
            },
        });
    }
}
