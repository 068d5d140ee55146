using System.Text.RegularExpressions;
using Muster.Model;

namespace Muster.Agents.ConfigAudit;

/// <summary>Every rule for shell scripts (<c>*.sh</c>, <c>*.bash</c>).</summary>
internal static partial class ShellScriptRules
{
    private const string Type = "shell";

    public static readonly IReadOnlyList<ConfigRule<ShellScriptDocument>> All =
    [
        new("MUSTER-SHELL-001", Type, "Remote script piped into a shell", Severity.High,
            "`curl … | sh` runs whatever the server (or anyone in the middle) returns right now, as the deploying user, often root.",
            "Download to a file, verify a pinned checksum or signature, then run it; or install a pinned package.",
            d => d.Lines.Where(l => ShellPatterns.PipeToShell().IsMatch(l.Text)).Select(l => d.Hit(l, "pipes a download into a shell"))),

        new("MUSTER-SHELL-002", Type, "TLS certificate verification disabled", Severity.High,
            "`curl -k`, `wget --no-check-certificate`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `GIT_SSL_NO_VERIFY` accept any certificate, so anyone on the path can substitute what is downloaded or read the credentials sent.",
            "Remove the flag; install the right CA certificate (or pass `--cacert`) instead.",
            d => d.Lines.Where(l => ShellPatterns.TlsVerificationDisabled().IsMatch(l.Text))
                .Select(l => d.Hit(l, $"disables TLS verification ({ShellPatterns.TlsVerificationDisabled().Match(l.Text).Value.Trim()})"))),

        new("MUSTER-SHELL-003", Type, "World-writable permissions", Severity.Medium,
            "`chmod 777` (or o+w) lets every local user and compromised service modify the files, including scripts that later run as root.",
            "Grant the least needed: `chmod 750` for folders, `640` for files, and fix ownership with `chown`.",
            d => d.Lines.Where(l => ShellPatterns.WorldWritable().IsMatch(l.Text)).Select(l => d.Hit(l, "makes files world-writable"))),

        new("MUSTER-SHELL-004", Type, "Deploy script does not stop on errors", Severity.Medium,
            "Without `set -e` a deploy script keeps going after a failed step: it can restart services on a half-applied update and still report success.",
            "Start the script with `set -euo pipefail`.",
            d => d.IsDeployScript && !StopsOnError(d)
                ? [new RuleHit(d.Path, 1, 1, "deploy script has no `set -e` (or `set -o errexit`)", d.Shebang, "set-e")] : []),

        new("MUSTER-SHELL-005", Type, "Secret echoed to the output", Severity.Medium,
            "Echoing a password or token puts it in terminal scrollback, CI logs and log files that many more people can read.",
            "Do not print secrets; print that a value is set, or a redacted form. Pipe secrets only into the command that needs them.",
            d => d.Lines.Where(EchoesSecret).Select(l => d.Hit(l, "prints a secret variable"))),

        new("MUSTER-SHELL-006", Type, "Literal secret assigned in a script", Severity.High,
            "A password or token written into a script is in every copy and every commit of it.",
            "Read it from the environment or a secret store (`: \"${DB_PASSWORD:?set DB_PASSWORD}\"`) and rotate the exposed value.",
            LiteralSecrets),

        new("MUSTER-SHELL-007", Type, "SSH host key checking disabled", Severity.Medium,
            "`StrictHostKeyChecking=no` accepts any server key, so a man in the middle receives the deploy connection and its credentials.",
            "Pin the host key in known_hosts (`ssh-keyscan` once, verified) and keep host key checking on.",
            d => d.Lines.Where(l => HostKeyCheckingOff().IsMatch(l.Text)).Select(l => d.Hit(l, "disables SSH host key checking"))),

        new("MUSTER-SHELL-008", Type, "Password passed on the command line", Severity.Medium,
            "`docker login -p`, `sshpass -p`, `mysql -pSECRET` put the password in the process list and shell history of the host.",
            "Use `--password-stdin`, an option file, or an environment variable read by the tool.",
            d => d.Lines.Where(l => PasswordArgument().IsMatch(l.Text)).Select(l => d.Hit(l, "passes a password as a command-line argument"))),
    ];

    private static bool StopsOnError(ShellScriptDocument d) =>
        (d.Shebang is { } s && Regex.IsMatch(s, @"\s-[a-z]*e")) || d.Lines.Any(l => SetErrexit().IsMatch(l.Text));

    private static bool EchoesSecret(ShellCommandLine line)
    {
        var m = EchoSecret().Match(line.Text);
        if (!m.Success) return false;
        var rest = line.Text[m.Index..];
        // Piping into a command (docker login --password-stdin) or writing to a file is not printing.
        return !Regex.IsMatch(rest, @"\|\s*\S|>\s*[^&\s]");
    }

    private static IEnumerable<RuleHit> LiteralSecrets(ShellScriptDocument d)
    {
        foreach (var line in d.Lines)
        {
            foreach (Match m in Assignment().Matches(line.Text))
            {
                var key = m.Groups["key"].Value;
                var value = m.Groups["value"].Value.Trim('"', '\'');
                if (SecretValues.IsSecretKey(key) && SecretValues.IsLiteralSecret(value))
                {
                    yield return d.Hit(line, $"assigns a literal value to {key}", $"{key}={Redaction.Redact(value)}");
                }
            }
        }
    }

    [GeneratedRegex(@"^set\s+(-[a-zA-Z]*e[a-zA-Z]*|-o\s+errexit)\b|^set\s+.*-o\s+errexit")]
    private static partial Regex SetErrexit();

    [GeneratedRegex(@"\b(echo|printf)\b[^|>]*\$\{?[A-Za-z_]*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_KEY)[A-Za-z_]*\}?", RegexOptions.IgnoreCase)]
    private static partial Regex EchoSecret();

    [GeneratedRegex(@"(^|[;&\s])(export\s+)?(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>""[^""$]*""|'[^']*'|[^\s;$""'`]+)")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"StrictHostKeyChecking[\s=]+(no|off)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HostKeyCheckingOff();

    [GeneratedRegex(@"\bdocker\s+login\b[^|;&\n]*\s(-p|--password)[\s=]|\bsshpass\s+-p\s*\S|\bmysql(dump|admin)?\b[^|;&\n]*\s-p[^\s-]")]
    private static partial Regex PasswordArgument();
}
