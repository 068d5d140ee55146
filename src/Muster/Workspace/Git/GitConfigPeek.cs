namespace Muster.Workspace.Git;

/// <summary>
/// Reads the one repository setting the sandbox must copy, <c>extensions.objectFormat</c> (a SHA-256 repository's
/// index cannot be read as SHA-1), from the repository's config file as text. Includes are not followed and nothing
/// else is taken: the rest of that file is the audited party's to write.
/// </summary>
internal static class GitConfigPeek
{
    private const long SizeLimit = 1024 * 1024;

    public static bool UsesSha256(string configPath)
    {
        var file = new FileInfo(configPath);
        if (!file.Exists || file.Length > SizeLimit) return false;
        var section = "";
        foreach (var raw in File.ReadLines(configPath))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                var close = line.IndexOf(']');
                section = close > 1 ? line[1..close].Trim().ToLowerInvariant() : "";
                line = close >= 0 ? line[(close + 1)..].Trim() : "";
            }
            if (section != "extensions" || line.Length == 0 || line[0] is '#' or ';') continue;
            var equals = line.IndexOf('=');
            if (equals < 0) continue;
            if (line[..equals].Trim().Equals("objectformat", StringComparison.OrdinalIgnoreCase)
                && line[(equals + 1)..].Trim().Trim('"').Equals("sha256", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
