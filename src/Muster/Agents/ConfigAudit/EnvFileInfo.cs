namespace Muster.Agents.ConfigAudit;

/// <summary>
/// A real (non-example) env file: whether git ignores it, whether git tracks it, who may read it, and the keys whose
/// values look like usable credentials (a secret-named key with a literal value, or a URL with a password).
/// </summary>
internal sealed record EnvFileInfo(string Path, bool Ignored, bool Tracked, UnixFileMode? Mode, IReadOnlyList<string> CredentialKeys)
{
    public bool HoldsCredentials => CredentialKeys.Count > 0;
}
