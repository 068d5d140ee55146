using System.Text.RegularExpressions;

namespace Muster.Agents.ConfigAudit;

/// <summary>Decides from a file's name (and folder) which config rules apply to it.</summary>
internal static partial class ConfigFileKinds
{
    public static bool IsCompose(string name) => ComposeName().IsMatch(name);

    /// <summary>
    /// The project a compose file belongs to in its folder: <c>docker compose</c> merges only a default file with its
    /// <c>.override</c> (<c>compose.yaml</c> + <c>compose.override.yaml</c>); an alternative such as
    /// <c>docker-compose-rpi.yml</c> or <c>docker-compose.prod.yml</c> is used on its own (<c>-f</c>), so it is its own project.
    /// </summary>
    public static string ComposeProjectStem(string name)
    {
        var stem = name[..name.LastIndexOf('.')];
        if (stem.EndsWith(".override", StringComparison.Ordinal)) stem = stem[..^".override".Length];
        return stem;
    }

    public static bool IsComposeOverride(string name) => name[..name.LastIndexOf('.')].EndsWith(".override", StringComparison.Ordinal);


    /// <summary>Possible nginx files; confirmed only if they parse into nginx blocks.</summary>
    public static bool IsNginxCandidate(string relativePath, string name) =>
        name == "nginx.conf" || name.EndsWith(".conf", StringComparison.Ordinal) || name.EndsWith(".nginx", StringComparison.Ordinal)
        || relativePath.Contains("/sites-enabled/", StringComparison.Ordinal) || relativePath.StartsWith("sites-enabled/", StringComparison.Ordinal)
        || relativePath.Contains("/sites-available/", StringComparison.Ordinal) || relativePath.StartsWith("sites-available/", StringComparison.Ordinal);

    public static bool IsEnvExample(string name) => EnvExampleName().IsMatch(name);

    /// <summary>A real env file: <c>.env</c>, <c>.env.production</c>, <c>prod.env</c>; not an example/template.</summary>
    public static bool IsEnvFile(string name) =>
        !IsEnvExample(name) && (name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal)
                                               || (name.EndsWith(".env", StringComparison.Ordinal) && name.Length > 4));

    public static bool IsShellScript(string name) => name.EndsWith(".sh", StringComparison.Ordinal) || name.EndsWith(".bash", StringComparison.Ordinal);

    [GeneratedRegex(@"^((docker-)?compose([.-][A-Za-z0-9_.-]+)?|[A-Za-z0-9_.-]+\.compose)\.ya?ml$")]
    private static partial Regex ComposeName();

    [GeneratedRegex(@"^(\.env\.(example|sample|template|dist|defaults|tpl|tmpl)|env\.(example|sample|template)|(example|sample|template)\.env|[A-Za-z0-9_.-]+\.env\.(example|sample|template))$", RegexOptions.IgnoreCase)]
    private static partial Regex EnvExampleName();
}
