using Muster.Workspace;

namespace Muster.Agents.Secrets;

/// <summary>A secret detection or an exposed sensitive file, before severity, allow-lists and baseline apply.</summary>
internal sealed record Candidate(WorkspaceFile File, GitFileStatus Status, SecretDetection? Detection, string? SensitiveKind);
