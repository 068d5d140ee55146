using System.Text;
using Muster.Model;

namespace Muster.Agents.ConfigAudit;

/// <summary>Renders <c>docs/config-audit.md</c> from the rule definitions, so the doc cannot drift from the code.</summary>
internal static class ConfigRuleDocs
{
    private static readonly (string Type, string Heading, string Files)[] Sections =
    [
        ("compose", "Docker Compose", "`docker-compose*.yml`, `compose*.yaml`, `*.compose.yml`; a default file (`compose.yaml`, `docker-compose.yml`) is judged together with its `.override` file, as `docker compose` merges them; any other file (`docker-compose-rpi.yml`, `docker-compose.prod.yml`) is its own project; `services:` given as a list is a parse finding, as compose rejects it; a `<<` merge key under `services:` merges the anchored services in (it is not a service); a port `IP::TARGET` or `TARGET` alone is published on a host port the engine picks, on that IP or on every interface"),
        ("dockerfile", "Dockerfile", "`Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `Containerfile`; a `.dockerignore` is looked for beside the Dockerfile and in the folders above it (a build context can be any of them)"),
        ("nginx", "nginx", "`nginx.conf`, `*.conf`, files under `sites-enabled/` / `sites-available/`, kept only when they contain nginx blocks. Includes are followed inside the workspace as nginx does: a relative path against the prefix (the main config's folder, or the `nginx-prefix` setting), globs with glob(3) rules (`*.conf` skips dotfiles). A file under a main config's folder that no main config loads is reported (`MUSTER-NGINX-014`) and not audited; a file outside any main config's folder (a `conf.d` snippet mounted into an image) is audited on its own"),
        ("env", ".env files", "`.env`, `.env.*`, `*.env` (not `.env.example`/`.sample`/`.template`/`.dist`), plus the `${VAR}` uses of compose files, read as compose interpolates them (values only, not keys or comments; `$$` is a literal `$`; a variable needed whatever else is set has no default of its own and is not inside another one's default)"),
        ("shell", "Shell scripts", "`*.sh`, `*.bash`; the `set -e` rule applies to scripts named like deploy/install/setup/provision/release/bootstrap/migrate"),
    ];

    public static string Render()
    {
        var sb = new StringBuilder();
        sb.Append($"""
            # Configuration audit (`config-audit`)

            <!-- Generated from src/Muster/Agents/ConfigAudit/*Rules.cs by ConfigRuleDocs; a test fails when this file is stale.
                 Regenerate: MUSTER_UPDATE_DOCS=1 dotnet test tests/Muster.Tests --filter ConfigAuditDocsTests -->

            The `config-audit` agent (role Scanner, category `configuration`) reads deployment configuration in the
            workspace and checks it against **{ConfigRuleCatalog.All.Count} rules**: Docker Compose files, Dockerfiles,
            nginx configurations, `.env` files and deploy shell scripts. It only reads files; it never contacts a
            service (comparing what runs with what is claimed is the job of the infrastructure agents).

            Every finding carries the rule id, severity, the file (relative to the audited root), line and column, a
            message, redacted evidence and the remediation below. Secret values are never shown whole
            (`Redaction.Redact`: a short prefix and suffix).

            What is not verified is not reported as fine: a compose file or nginx config that does not parse, an
            nginx `include` that points outside the workspace, and a rule check that fails are findings of their
            own (`MUSTER-COMPOSE-000`, `MUSTER-NGINX-000`, `MUSTER-CONFIG-UNVERIFIED`). Rules about something
            missing stay silent when the answer depends on a file Muster cannot see (a compose `extends` from
            another file).

            Test material is rated at most MEDIUM and the message says why: a file under a test folder (`tests/`,
            `fixtures/`, ...), a test file name, or a dotenv file named for the test environment (`.env.test`,
            `.env.testing`, `.env.test.local`, Laravel Dusk's `.env.dusk.*`; not `.env.ci`).

            ## Settings (`with:`)

            {SettingsTable.Section(ConfigAuditAgent.Descriptor.Kind, ConfigAuditSettings.Docs)}

            `.env` ignore and tracking status come from `git ls-files` (run through Muster's sandboxed git runner, which never
            loads the repository's own configuration) when the root is in a git work tree, else from the workspace's `.gitignore` files.


            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        foreach (var (type, heading, files) in Sections)
        {
            var rules = ConfigRuleCatalog.All.Where(r => r.FileType == type).ToList();
            sb.Append($"## {heading} ({rules.Count} rules)\n\nFiles: {files}.\n\n");
            sb.Append("| Id | Severity | Rule | Why it matters | Fix |\n|---|---|---|---|---|\n");
            foreach (var rule in rules)
            {
                sb.Append($"| `{rule.Id}` | {rule.Severity.ToLabel()} | {Cell(rule.Title)} | {Cell(rule.Rationale)} | {Cell(rule.Remediation)} |\n");
            }
            sb.Append('\n');
        }
        sb.Append("""
            ## Not covered

            - Compose values are read as written: `${VAR}` interpolation is not applied (the compose reader of the
              infrastructure agents does that), so a port or image given only through a variable is not judged.
            - A base image's own `USER` and `HEALTHCHECK` are not visible; the Dockerfile and compose rules say so in
              their messages.
            - Variables in nginx `include` paths are not resolved (reported as not audited).
            - A TLS server without `ssl_protocols` is not flagged: the default depends on the nginx version, which a
              static read cannot see.

            ## The nginx parser (for other agents)

            `Muster.Formats.Nginx.NginxConfig.Parse(text, path)` tokenizes one file (quotes, escapes, comments,
            `${var}`, raw `*_by_lua_block` bodies) into a tree of `NginxDirective` (name, unquoted args, children,
            parent, file, line, column). `NginxConfig.Load(path, root, prefix)` does the same for a file and follows its
            `include` globs relative to the prefix (default: the main file's folder), in sorted order, dotfiles unmatched by `*`, placing the included directives right
            after the `include`; with a root it never reads outside it. Syntax and include problems are
            `NginxParseError`s (file:line:column), never exceptions. `FindAll("upstream")`, `FindAll("proxy_pass")`
            and `Descendants()`/`Ancestors()` walk the tree.

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
