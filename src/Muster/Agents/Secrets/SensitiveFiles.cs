namespace Muster.Agents.Secrets;

/// <summary>
/// Files whose name marks them as credentials (key stores, dotenv files, cloud and registry credential files).
/// They are findings of their own when git would publish them, whatever their content.
/// </summary>
internal static class SensitiveFiles
{
    /// <summary>The kind of a file named *credential*: reported only when its content holds something credential-like.</summary>
    public const string CredentialsDocument = "credentials document";

    /// <summary>A dotenv file: rated by what it holds, since a committed template of placeholders is common and harmless.</summary>
    public const string EnvironmentFile = "environment file";

    private static readonly string[] KeyExtensions = [".pem", ".key", ".p12", ".pfx", ".jks", ".keystore", ".ppk", ".kdbx", ".tfstate"];
    private static readonly string[] PrivateKeyNames = ["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"];
    private static readonly string[] CredentialFileNames =
        [".pypirc", ".netrc", "_netrc", ".git-credentials", ".dockercfg", "kubeconfig", ".htpasswd", "terraform.tfstate.backup"];
    private static readonly string[] ExampleSuffixes = [".example", ".sample", ".template", ".dist", ".defaults", ".tpl", ".schema"];

    /// <summary>What kind of sensitive file <paramref name="relativePath"/> is, or null.</summary>
    public static string? Classify(string relativePath)
    {
        var lower = relativePath.ToLowerInvariant();
        var name = lower[(lower.LastIndexOf('/') + 1)..];
        if (IsExampleFile(name)) return null;
        if (name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal) || name.EndsWith(".env", StringComparison.Ordinal))
            return EnvironmentFile;
        if (PrivateKeyNames.Contains(name)) return "private key file";
        if (KeyExtensions.Any(e => name.EndsWith(e, StringComparison.Ordinal)))
            return name.EndsWith(".tfstate", StringComparison.Ordinal) ? "Terraform state (holds resource secrets)" : "key or certificate store";
        if (CredentialFileNames.Contains(name)) return "credential file";
        if (lower.EndsWith(".aws/credentials", StringComparison.Ordinal) || lower.EndsWith(".kube/config", StringComparison.Ordinal)
            || lower.EndsWith(".docker/config.json", StringComparison.Ordinal)) return "credential file";
        if (name.Contains("credential", StringComparison.Ordinal) && !IsSourceCode(name)) return CredentialsDocument;
        if (IsApiKeyFile(lower, name)) return "API key file";
        return null;
    }

    // CredentialStore.cs or credentials.py is code that handles credentials, not a file that holds them.
    private static bool IsSourceCode(string name) =>
        SourceExtensions.Any(e => name.EndsWith(e, StringComparison.Ordinal));

    private static readonly string[] SourceExtensions =
        [".cs", ".fs", ".vb", ".py", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".go", ".rs", ".java", ".kt", ".rb", ".php", ".swift", ".c", ".h", ".cpp"];

    /// <summary>Templates such as <c>.env.example</c>: their values are placeholders by convention.</summary>
    public static bool IsExampleFile(string relativePath)
    {
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..].ToLowerInvariant();
        return ExampleSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal) || name.Contains(s + ".", StringComparison.Ordinal));
    }

    // *api*key*.txt and the like, also key files kept in a folder named like "Keys-api" (the seed's layout).
    private static bool IsApiKeyFile(string lower, string name)
    {
        var textLike = name.EndsWith(".txt", StringComparison.Ordinal) || name.EndsWith(".key", StringComparison.Ordinal)
                       || name.EndsWith(".json", StringComparison.Ordinal) || !name.Contains('.');
        if (!textLike) return false;
        var slash = lower.LastIndexOf('/');
        var folder = slash > 0 ? lower[(lower.LastIndexOf('/', slash - 1) + 1)..slash] : "";
        return (name.Contains("api", StringComparison.Ordinal) && name.Contains("key", StringComparison.Ordinal))
               || (folder.Contains("api", StringComparison.Ordinal) && folder.Contains("key", StringComparison.Ordinal))
               || name.Contains("apikey", StringComparison.Ordinal) || name.Contains("token", StringComparison.Ordinal) && name.EndsWith(".txt", StringComparison.Ordinal);
    }
}
