using System.Security.Cryptography;

namespace Muster.Agents.Secrets;

/// <summary>
/// The per-workspace salt of secret fingerprints: the <c>salt</c> setting, else <c>.muster/salt</c> under the root when
/// it exists, else <c>salt</c> in the run's state folder (created there with 32 random bytes on first use; the default
/// state folder is the root's <c>.muster/</c>). With <c>--state</c> elsewhere nothing is written under the root.
/// Baselines only match findings made with the same salt.
/// </summary>
internal static class WorkspaceSalt
{
    public const string RelativePath = ".muster/salt";

    /// <summary>The salt and where it came from ("setting", "file", "state folder", "created", or "derived" when nothing is writable).</summary>
    public static (string Salt, string Source) Resolve(string root, string? setting, string? stateFolder = null)
    {
        if (!string.IsNullOrWhiteSpace(setting)) return (setting.Trim(), "setting");
        var inRoot = Path.Combine(root, RelativePath);
        var inState = stateFolder is null ? inRoot : Path.Combine(stateFolder, "salt");
        try
        {
            if (ReadSalt(inRoot) is { } rootSalt) return (rootSalt, "file");
            if (inState != inRoot && ReadSalt(inState) is { } stateSalt) return (stateSalt, "state folder");
            Directory.CreateDirectory(Path.GetDirectoryName(inState)!);
            var created = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            File.WriteAllText(inState, created + "\n");
            return (created, inState == inRoot ? "created" : "created in the state folder");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Still keyed, but fingerprints change if the workspace moves; the summary says so.
            return (Model.Fingerprints.Compute("muster-derived-salt", Path.GetFullPath(root)), "derived");
        }
    }

    private static string? ReadSalt(string path)
    {
        if (!File.Exists(path)) return null;
        var text = File.ReadAllText(path).Trim();
        return text.Length > 0 ? text : null;
    }
}
