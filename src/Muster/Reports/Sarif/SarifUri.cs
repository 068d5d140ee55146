using System.Text;

namespace Muster.Reports.Sarif;

/// <summary>
/// Turns finding paths (relative to the audited folder) into SARIF artifact URIs relative to the SARIF root
/// (<c>%SRCROOT%</c>, normally the git work tree's root), so that code scanning maps them to repository files.
/// </summary>
internal sealed class SarifUri
{
    public const string SourceRootId = "%SRCROOT%";

    private readonly string _auditedRoot;
    private readonly string _sarifRoot;

    /// <param name="auditedRoot">The folder finding paths are relative to.</param>
    /// <param name="sarifRoot">The folder URIs are made relative to; when the audited folder is not inside it, the audited folder is used.</param>
    public SarifUri(string auditedRoot, string? sarifRoot)
    {
        _auditedRoot = Normalize(auditedRoot);
        var root = sarifRoot is null ? _auditedRoot : Normalize(sarifRoot);
        _sarifRoot = _auditedRoot == root || _auditedRoot.StartsWith(root + "/", StringComparison.Ordinal) || root == "/" ? root : _auditedRoot;
        AuditedPrefix = _auditedRoot == _sarifRoot ? "" : _auditedRoot[(_sarifRoot.TrimEnd('/').Length + 1)..];
    }

    /// <summary>The audited folder relative to the SARIF root ("" when they are the same), '/' separators.</summary>
    public string AuditedPrefix { get; }

    /// <summary>The SARIF root as an absolute file URI ending in '/', as originalUriBaseIds requires.</summary>
    public string RootUri => new Uri(_sarifRoot.TrimEnd('/') + "/").AbsoluteUri;

    /// <summary>
    /// A finding path as an artifact location: relative paths are taken from the audited folder and become URIs
    /// relative to %SRCROOT% with every segment percent-escaped; absolute paths inside the SARIF root are made
    /// relative; absolute paths outside it become absolute file URIs without a base. Null for an empty path.
    /// </summary>
    public SarifArtifactLocation? ForPath(string path)
    {
        var normalized = Separators(path).Trim();
        if (normalized.Length == 0) return null;
        if (IsAbsolute(normalized))
        {
            var rootPrefix = _sarifRoot.TrimEnd('/') + "/";
            if (!normalized.StartsWith(rootPrefix, StringComparison.Ordinal)) return new SarifArtifactLocation(new Uri(path).AbsoluteUri);
            return Relative(normalized[rootPrefix.Length..]);
        }
        return Relative(AuditedPrefix.Length == 0 ? normalized : AuditedPrefix + "/" + normalized);
    }

    /// <summary>The audited folder itself, for a result nothing else can anchor; null when it is the SARIF root.</summary>
    public SarifArtifactLocation? AuditedFolder() => AuditedPrefix.Length == 0 ? null : Relative(AuditedPrefix);

    private static SarifArtifactLocation? Relative(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".") continue;
            if (segment == ".." && segments.Count > 0 && segments[^1] != "..") segments.RemoveAt(segments.Count - 1);
            else segments.Add(segment);
        }
        if (segments.Count == 0) return null;
        var uri = new StringBuilder();
        foreach (var segment in segments)
        {
            if (uri.Length > 0) uri.Append('/');
            uri.Append(Uri.EscapeDataString(segment));
        }
        return new SarifArtifactLocation(uri.ToString(), SourceRootId);
    }

    private static string Normalize(string folder)
    {
        var full = Separators(Path.IsPathRooted(folder) ? folder : Path.GetFullPath(folder));
        return full.Length > 1 ? full.TrimEnd('/') : full;
    }

    /// <summary>
    /// '/' separators. A backslash is a separator only where the system says so (Windows); elsewhere it is part of a
    /// file name (<c>..\..\etc\cron.d\evil.env</c> is one file) and is percent-encoded, never turned into a path that climbs.
    /// </summary>
    private static string Separators(string path) => Path.DirectorySeparatorChar == '\\' ? path.Replace('\\', '/') : path;

    private static bool IsAbsolute(string path) =>
        path.StartsWith('/') || (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] == '/');
}
