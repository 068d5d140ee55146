using static Muster.SecretsCorpus.CaseValues;

namespace Muster.SecretsCorpus.Cases;

/// <summary>P2: dependency manifests and lockfiles: keys are package names, values are versions, URLs and hashes.</summary>
internal static class P02ManifestsAndLockfiles
{
    public static IEnumerable<QualityCase> Cases() => new CaseList("P2")
    {
        { "package.json", "web/package.json", v => "{\n  \"dependencies\": {\n    \"pbkdf2-password\": \"^1.2.1\",\n    \"passport-local\": \"1.0.0\",\n    \"secret-handshake\": \"~1.1.20\",\n    \"token-stream\": \"2.3.1\"\n  }\n}\n" },
        { "package-lock.json", "web/package-lock.json", v =>
            $"{{\n  \"packages\": {{\n    \"node_modules/pbkdf2-password\": {{\n      \"version\": \"1.2.1\",\n      \"resolved\": \"https://registry.npmjs.org/pbkdf2-password/-/pbkdf2-password-1.2.1.tgz\",\n      \"integrity\": \"sha512-{v.B64(86)}==\"\n    }}\n  }}\n}}\n" },
        { "yarn.lock", "web/yarn.lock", v => $"secret-stack@^1.4.0:\n  version \"1.4.0\"\n  resolved \"https://registry.yarnpkg.com/secret-stack/-/secret-stack-1.4.0.tgz#{v.Hex(40)}\"\n  integrity sha512-{v.B64(86)}==\n" },
        { "pnpm-lock.yaml", "web/pnpm-lock.yaml", v => $"packages:\n  /password-prompt@1.1.3:\n    resolution: {{integrity: sha512-{v.B64(86)}==}}\n" },
        { "poetry.lock", "py/poetry.lock", v => $"[[package]]\nname = \"keyring\"\nversion = \"24.3.0\"\n\n[metadata.files]\nkeyring = [\n    {{file = \"keyring-24.3.0.tar.gz\", hash = \"sha256:{v.Hex(64)}\"}},\n]\n" },
        { "go.sum", "svc/go.sum", v => $"github.com/zalando/go-keyring v0.2.3 h1:{v.B64(43)}=\ngolang.org/x/oauth2 v0.15.0 h1:{v.B64(43)}=\n" },
        { "requirements.txt", "py/requirements.txt", v => $"django-secret-key==1.0.1 --hash=sha256:{v.Hex(64)}\npython-jose[cryptography]==3.3.0\n" },
        { "Cargo.lock", "rs/Cargo.lock", v => $"[[package]]\nname = \"secrecy\"\nversion = \"0.8.0\"\nchecksum = \"{v.Hex(64)}\"\n" },
        { "composer.lock", "php/composer.lock", v => $"{{\"packages\": [{{\"name\": \"paragonie/random_compat\", \"dist\": {{\"shasum\": \"{v.Hex(40)}\"}}}}], \"content-hash\": \"{v.Hex(32)}\"}}\n" },
        { "csproj package", "src/App/App.csproj", v => "<PackageReference Include=\"Microsoft.AspNetCore.Authentication.JwtBearer\" Version=\"8.0.1\" />\n<PackageReference Include=\"Passwordless\" Version=\"1.0.2\" />\n" },
        // Positives: provider rules still fire in manifests and npm configuration.
        { ".npmrc auth line", ".npmrc", v => $"//registry.npmjs.org/:_authToken={Secret(v.Base62Checksummed("np" + "m_"))}\n" },
        { "token in package.json config", "tools/package.json", v => $"{{\n  \"name\": \"release-tools\",\n  \"config\": {{ \"gh\": \"{Secret(v.Base62Checksummed("gh" + "p_"))}\" }}\n}}\n" },
    };
}
