using Muster.Model;

namespace Muster.Agents.Secrets;

/// <summary>
/// Connection URLs to a host only this machine or its container network reaches (<c>localhost</c>, a compose service
/// such as <c>db</c>). With a well-known default login (<c>postgres://postgres:postgres@localhost</c>, everywhere in
/// documentation and test fixtures) the finding is LOW; with any other password, HIGH rather than CRITICAL: a reader
/// of the repository still needs a way into that network. Both stay findings: the same login on a reachable database
/// would be a leak.
/// </summary>
internal static class LocalCredentials
{
    private static readonly HashSet<string> DefaultPasswords = new(StringComparer.OrdinalIgnoreCase)
    {
        "postgres", "postgrespw", "mysql", "mariadb", "mongo", "mongodb", "redis", "rabbitmq", "guest", "root", "toor",
        "admin", "secret", "pass", "passw0rd", "test", "testing", "tester", "changeme", "example", "dev", "development",
        "local", "docker", "default", "demo", "sample", "user", "app",
    };

    public static SeverityCap? Soften(SecretRule rule, string secret, int index, ReadOnlySpan<char> text)
    {
        if (!rule.Id.EndsWith("-url-password", StringComparison.Ordinal)) return null;
        var before = text[..index];
        var scheme = before.LastIndexOf("://");
        if (scheme < 0 || before[(scheme + 3)..].ContainsAny(" \t\r\n\"'")) return null;
        var user = before[(scheme + 3)..].TrimEnd(':');
        var afterAt = index + secret.Length;
        if (afterAt >= text.Length || text[afterAt] != '@') return null;
        var host = Host(text[(afterAt + 1)..]);
        if (host.Length == 0 || !IsLocal(host)) return null;
        return DefaultPasswords.Contains(secret) || secret.Equals(user, StringComparison.OrdinalIgnoreCase)
            ? new SeverityCap(Severity.Low,
                $"The URL logs in with a well-known default password on a host only this machine or its container network reaches ({host}): a development default, not a leaked credential; never use it on a database others can reach.")
            : new SeverityCap(Severity.High,
                $"The host ({host}) is reachable only from this machine or its container network, so the password is not usable from outside without another way in; still change it and keep it out of the repository.");
    }

    private static string Host(ReadOnlySpan<char> rest)
    {
        if (rest.StartsWith("[")) // [::1]:5432
        {
            var close = rest.IndexOf(']');
            return close < 0 ? "" : rest[..(close + 1)].ToString();
        }
        var end = rest.IndexOfAny(":/?#, \t\r\n\"'`<>)");
        return (end < 0 ? rest : rest[..end]).ToString();
    }

    private static bool IsLocal(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.StartsWith("127.", StringComparison.Ordinal)
        || host is "[::1]" or "0.0.0.0" || host.Equals("host.docker.internal", StringComparison.OrdinalIgnoreCase)
        // a single-label name (db, langgraph-postgres) resolves only inside a compose or cluster network
        || (!host.Contains('.') && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
}
