using System.Text.RegularExpressions;

namespace Muster.Agents.ConfigAudit;

/// <summary>Shell command patterns shared by Dockerfile <c>RUN</c> rules and deploy-script rules.</summary>
internal static partial class ShellPatterns
{
    /// <summary><c>curl … | sh</c>, <c>wget -O- … | sudo bash</c>, <c>sh -c "$(curl …)"</c>, <c>bash &lt;(curl …)</c>.</summary>
    [GeneratedRegex(@"\b(curl|wget)\b[^|;&\n]*\|\s*(sudo\s+(-\S+\s+)*)?(env\s+\S+=\S+\s+)*(/usr)?(/bin/)?(ba|da|z|k)?sh\b|\b(ba|da|z|k)?sh\s+(-c\s+)?[""']?\$\(\s*(curl|wget)\b|\b(ba|da|z|k)?sh\s+<\(\s*(curl|wget)\b")]
    public static partial Regex PipeToShell();

    /// <summary>TLS certificate checks turned off for a download, git or node.</summary>
    [GeneratedRegex(@"\bcurl\b[^|;&\n]*\s(--insecure|-[A-Za-z]*k[A-Za-z]*)(?=\s|$)|\bwget\b[^|;&\n]*--no-check-certificate|NODE_TLS_REJECT_UNAUTHORIZED\s*=\s*[""']?0|GIT_SSL_NO_VERIFY\s*=\s*[""']?(1|true)|http\.sslVerify[\s=]+[""']?false|PYTHONHTTPSVERIFY\s*=\s*[""']?0|strict-ssl[\s=]+false", RegexOptions.IgnoreCase)]
    public static partial Regex TlsVerificationDisabled();

    [GeneratedRegex(@"\bchmod\s+(-[A-Za-z]+\s+)*(0?777|a\+rwx|ugo\+rwx|o\+w)(\s|$)")]
    public static partial Regex WorldWritable();

    [GeneratedRegex(@"(^|[;&|(`]\s*|\s)sudo(\s|$)")]
    public static partial Regex Sudo();

    [GeneratedRegex(@"\bapt-get\s+(-\S+\s+)*install\b|\bapt\s+(-\S+\s+)*install\b")]
    public static partial Regex AptInstall();

    [GeneratedRegex(@"rm\s+-(rf|fr|r\s+-f|f\s+-r)\s+/var/lib/apt/lists")]
    public static partial Regex AptListsCleanup();
}
