namespace Muster.Agents.ConfigAudit;

/// <summary>A real (non-example) env file: whether git ignores it, whether git tracks it, and who may read it.</summary>
internal sealed record EnvFileInfo(string Path, bool Ignored, bool Tracked, UnixFileMode? Mode);
