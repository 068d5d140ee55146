using Muster.Workspace;

namespace Muster.Agents.Secrets;

/// <summary>
/// A secret detection or an exposed sensitive file, before severity, allow-lists and baseline apply.
/// <see cref="FullyRead"/>: the sensitive file's whole content was scanned, so "holds no credential" is verified.
/// </summary>
internal sealed record Candidate(WorkspaceFile File, GitFileStatus Status, SecretDetection? Detection, string? SensitiveKind, bool FullyRead = false);
