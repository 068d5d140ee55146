using System.Security.Cryptography;

namespace Muster.Agents.Secrets;

/// <summary>
/// The per-workspace salt of secret fingerprints: the <c>salt</c> setting, else <c>.muster/salt</c> under the root
/// (created with 32 random bytes on first use). Baselines only match findings made with the same salt.
/// </summary>
internal static class WorkspaceSalt
{
    public const string RelativePath = ".muster/salt";

    /// <summary>The salt and where it came from ("setting", "file", "created", or "derived" when the root is read-only).</summary>
    public static (string Salt, string Source) Resolve(string root, string? setting)
    {
        if (!string.IsNullOrWhiteSpace(setting)) return (setting.Trim(), "setting");
        var path = Path.Combine(root, ".muster", "salt");
        try
        {
            if (File.Exists(path))
            {
                var existing = File.ReadAllText(path).Trim();
                if (existing.Length > 0) return (existing, "file");
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var created = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            File.WriteAllText(path, created + "\n");
            return (created, "created");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Still keyed, but fingerprints change if the workspace moves; the summary says so.
            return (Model.Fingerprints.Compute("muster-derived-salt", Path.GetFullPath(root)), "derived");
        }
    }
}
