namespace Muster.Agents.Secrets;

/// <summary>
/// Files where generic rules stay silent: dependency manifests and lockfiles (keys are package names, values are
/// versions, URLs and hashes) and translation catalogues (values are UI text). Provider rules still fire there.
/// </summary>
internal static class FileKinds
{
    private static readonly HashSet<string> Manifests = new(StringComparer.OrdinalIgnoreCase)
    {
        "package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "deno.lock",
        "poetry.lock", "pipfile.lock", "pipfile", "uv.lock", "pdm.lock", "pylock.toml", "pyproject.toml", "go.sum", "go.mod",
        "cargo.lock", "cargo.toml", "composer.lock", "composer.json", "gemfile.lock", "gemfile", "packages.lock.json",
        "packages.config", "directory.packages.props", "mix.lock", "pubspec.lock", "podfile.lock", "flake.lock", "gradle.lockfile",
    };

    private static readonly string[] LocaleFolders = ["locales", "locale", "i18n", "l10n", "lang", "langs", "translations", "messages", "intl"];

    public static bool IsManifestOrLockfile(string relativePath)
    {
        var name = Name(relativePath);
        if (Manifests.Contains(name)) return true;
        return name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase)
               || (name.StartsWith("requirements", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase));
    }

    public static bool IsLocalization(string relativePath)
    {
        var name = Name(relativePath);
        if (name.EndsWith(".po", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".pot", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".arb", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".xliff", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".resx", StringComparison.OrdinalIgnoreCase) || name == "strings.xml"
            || (name.StartsWith("messages_", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".properties", StringComparison.OrdinalIgnoreCase)))
            return true;
        var segments = relativePath.Split('/');
        return segments.Take(segments.Length - 1).Any(s => LocaleFolders.Contains(s, StringComparer.OrdinalIgnoreCase));
    }

    private static string Name(string relativePath) => relativePath[(relativePath.LastIndexOf('/') + 1)..];
}
