namespace Muster.Agents.Dependencies.Osv;

/// <summary>Where <c>muster osv update</c> keeps the database when no <c>--dir</c> is given: the user's cache folder.</summary>
public static class OsvCacheFolder
{
    /// <summary><c>$XDG_CACHE_HOME/muster/osv</c> when XDG_CACHE_HOME is an absolute path, else <c>~/.cache/muster/osv</c>; null without a home.</summary>
    public static string? Default(Func<string, string?> environment)
    {
        if (environment("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "muster", "osv");
        var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length == 0 ? null : Path.Combine(home, ".cache", "muster", "osv");
    }

    /// <summary>The default folder when <c>muster osv update</c> has written a database there, else null.</summary>
    public static string? ExistingDefault(Func<string, string?> environment) =>
        Default(environment) is { } folder && File.Exists(OsvDownloadMetadata.PathIn(folder)) ? folder : null;
}
