using static Muster.SecretsCorpus.CaseValues;

namespace Muster.SecretsCorpus.Cases;

/// <summary>R2: credentials written down in notes, tickets and Markdown rather than assigned in code.</summary>
internal static class R02ProseAndNotes
{
    public static IEnumerable<QualityCase> Cases() => new CaseList("R2")
    {
        { "ID and PW on one line", "notes/servers.txt", v => $"staging box 10.0.3.7 ID: deploy PW: {Secret(v.Password())}\n" },
        { "user pw", "notes/vpn.txt", v => $"vpn user: jdoe\nuser pw: {Secret(v.Password())}\n" },
        { "password for the admin panel", "handover.md", v => $"The password for the admin panel: {Secret(v.Password())}\n" },
        { "key with a spaced colon", "notes/keys.txt", v => $"mailgun\nkey : {Secret(v.Alnum(32))}\n" },
        { "Markdown table with a Password column", "docs-internal/credentials.md", v =>
            $"| Service | User | Password |\n|---|---|---|\n| Grafana | admin | {Secret(v.Password())} |\n| Postgres | app | {Secret(v.Password())} |\n" },
        { "Markdown table with a Key column", "ops/api-keys.md", v =>
            $"| Provider | Key |\n|---|---|\n| Weather | {Secret(v.Alnum(32))} |\n" },
        { "Login slash password", "notes/router.txt", v => $"Router login: admin / {Secret(v.Password())}\n" },
        { "French mot de passe", "notes/acces.txt", v => $"Mot de passe : {Secret(v.Password())}\n" },
        { "Spanish contrasena", "notas/acceso.txt", v => $"usuario: soporte\ncontraseña: {Secret(v.Password())}\n" },
        { "Portuguese senha", "notas/servidor.md", v => $"Senha do banco: {Secret(v.Password())}\n" },
        { "Credentials with a dash list", "onboarding.md", v => $"## Test account\n- username: qa-bot\n- password - {Secret(v.Password())}\n" },
        { "Pass in a ticket export", "tickets/4711.txt", v => $"Customer says the FTP pass is {Secret(v.Password())} since Monday.\n" },
        // Negatives: prose about passwords, with no value.
        { "Where the password lives", "handbook.md", v => "The password for the admin panel is stored in Vault under ops/admin.\n" },
        { "PW pointer", "notes/pointers.txt", v => "ID: deploy PW: see 1Password (Ops vault)\n" },
        { "Table with masked values", "ops/accounts.md", v => "| Service | User | Password |\n|---|---|---|\n| Grafana | admin | ******** |\n| Postgres | app | (in vault) |\n" },
        { "Password policy", "security.md", v => "Password: at least 12 characters, one digit and one symbol.\n" },
        { "Reset instructions", "faq.md", v => "To reset your password, click Forgot password on the login page.\n" },
        { "Key column of a glossary", "glossary.md", v => "| Term | Key |\n|---|---|\n| Primary | the id column |\n" },
    };
}
