using static Muster.SecretsCorpus.CaseValues;

namespace Muster.SecretsCorpus.Cases;

/// <summary>P6: a name containing "credential" alone is no finding; content or a credential-store format is.</summary>
internal static class P06CredentialNamedFiles
{
    public static IEnumerable<QualityCase> Cases() => new CaseList("P6", c => c with { ScoresFileFindings = true })
    {
        { "docs page about credentials", "guides/credentials.md", v => "# Credentials\n\nSet `AWS_PROFILE` and run `aws sso login`; never commit keys.\n" },
        { "credential helper script", "scripts/credential-helper.sh", v => "#!/bin/sh\nexec pass show \"git/$1\"\n" },
        { "credentials template", "config/credentials.template.json", v => "{\"client_id\": \"<client id>\", \"client_secret\": \"<client secret>\"}\n" },
        { "credential page", "site/credentials.html", v => "<h1>Managing credentials</h1><p>Use the vault.</p>\n" },
        { "credentials YAML schema", "charts/app/credentials-schema.yaml", v => "type: object\nproperties:\n  username: {type: string}\n" },
        // Positives: credential stores, and credential files that hold credentials.
        { "git credential store", ".git-credentials", v => $"{Secret($"https://ci:{v.Alnum(32)}@git.example.org")}\n" },
        { "AWS shared credentials", "home/.aws/credentials", v => $"[default]\naws_access_key_id = {Secret("AK" + "IA" + v.B32(16))}\n" },
        { "credentials file with a password table", "ops/credentials.md", v => $"| Host | User | Password |\n|---|---|---|\n| db1 | root | {Secret(v.Password())} |\n" },
        { "PKCS#12 keystore", "certs/client.p12", v => $"{Secret(v.B64(60))}\n" },
        { "KeePass database", "vault/team.kdbx", v => $"{Secret(v.B64(60))}\n" },
    };
}
