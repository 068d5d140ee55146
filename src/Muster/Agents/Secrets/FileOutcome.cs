using Muster.Workspace;

namespace Muster.Agents.Secrets;

/// <summary>
/// What the scan found in one file, before git status is looked up: its detections (placeholders already counted
/// and dropped) and, for a credential file, its kind. Only files with an outcome need a status. <see cref="FullyRead"/>:
/// every character was scanned (not binary, unreadable or cut short by a regex timeout).
/// </summary>
internal sealed record FileOutcome(WorkspaceFile File, IReadOnlyList<SecretDetection> Detections, string? SensitiveKind, bool FullyRead = false);
