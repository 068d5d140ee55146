using System.Text;

namespace Muster.Reports.Sarif;

/// <summary>Turns finding paths into SARIF artifact URIs.</summary>
internal static class SarifUri
{
    public const string SourceRootId = "%SRCROOT%";

    /// <summary>The audited root as an absolute file URI ending in '/', as originalUriBaseIds requires.</summary>
    public static string ForRoot(string root)
    {
        var full = Path.IsPathRooted(root) ? root : Path.GetFullPath(root);
        var trimmed = full.TrimEnd('/', '\\');
        return new Uri(trimmed + "/").AbsoluteUri;
    }

    /// <summary>
    /// A finding path as an artifact location: root-relative paths become relative URIs against %SRCROOT% with every
    /// segment percent-escaped; absolute paths inside the root are made relative first; absolute paths outside the
    /// root become absolute file URIs without a base. Returns null for an empty path.
    /// </summary>
    public static SarifArtifactLocation? ForPath(string path, string root)
    {
        var normalized = path.Replace('\\', '/').Trim();
        if (normalized.Length == 0) return null;
        if (IsAbsolute(normalized))
        {
            var rootPrefix = root.Replace('\\', '/').TrimEnd('/') + "/";
            if (!normalized.StartsWith(rootPrefix, StringComparison.Ordinal))
            {
                return new SarifArtifactLocation(new Uri(path).AbsoluteUri);
            }
            normalized = normalized[rootPrefix.Length..];
        }
        while (normalized.StartsWith("./", StringComparison.Ordinal)) normalized = normalized[2..];
        var segments = normalized.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) return null;
        var uri = new StringBuilder();
        foreach (var segment in segments)
        {
            if (uri.Length > 0) uri.Append('/');
            uri.Append(Uri.EscapeDataString(segment));
        }
        return new SarifArtifactLocation(uri.ToString(), SourceRootId);
    }

    private static bool IsAbsolute(string path) =>
        path.StartsWith('/') || (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] == '/');
}
