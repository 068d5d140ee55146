using System.Globalization;
using System.Text.RegularExpressions;
using Muster.Formats.Nginx;
using Muster.Model;

namespace Muster.Agents.ConfigAudit;

/// <summary>Every rule for nginx configurations (checked on the configuration with its includes inline).</summary>
internal static partial class NginxRules
{
    private const string Type = "nginx";
    private const long HalfYearSeconds = 15_768_000;

    private static readonly string[] WeakProtocols = ["SSLv2", "SSLv3", "TLSv1", "TLSv1.1"];
    private static readonly string[] WeakCipherWords = ["RC4", "MD5", "DES", "3DES", "NULL", "EXPORT", "EXP", "ANULL", "ENULL", "ADH", "AECDH"];

    public static readonly IReadOnlyList<ConfigRule<NginxAuditDocument>> All =
    [
        new("MUSTER-NGINX-000", Type, "nginx configuration has syntax or include errors", Severity.Medium,
            "Parts that do not parse or includes that cannot be followed are not audited; nginx itself may refuse to start.",
            "Run `nginx -t` and fix the reported lines; keep included files inside the repository.",
            d => d.Config.Errors.Where(e => !IsIncludeError(d, e))
                .Select(e => new RuleHit(e.File, e.Line, e.Column, $"not fully audited: {e.Message}", null, $"{e.File}:{e.Line}:{e.Message}"))),

        new("MUSTER-NGINX-001", Type, "server_tokens on", Severity.Low,
            "nginx advertises its exact version in the Server header and error pages (the default), which tells attackers which CVEs apply.",
            "Add `server_tokens off;` in the http block.",
            ServerTokens),

        new("MUSTER-NGINX-002", Type, "TLS server without HSTS", Severity.Medium,
            "Without Strict-Transport-Security browsers keep trying plain HTTP first, so the first request can be downgraded and intercepted.",
            "Add `add_header Strict-Transport-Security \"max-age=31536000; includeSubDomains\" always;` to each TLS server.",
            d => d.TlsContentServers.Where(s => !NginxAuditDocument.SetsHeader(NginxAuditDocument.EffectiveHeaders(s), "Strict-Transport-Security"))
                .Select(s => d.Hit(s, $"TLS server {Name(s)} sends no Strict-Transport-Security header"))),

        new("MUSTER-NGINX-003", Type, "Weak TLS protocol versions enabled", Severity.High,
            "SSLv2/SSLv3/TLS 1.0/TLS 1.1 have practical attacks (POODLE, BEAST) and are deprecated (RFC 8996).",
            "Use `ssl_protocols TLSv1.2 TLSv1.3;`.",
            d => d.Config.FindAll("ssl_protocols").Where(p => p.Args.Any(a => WeakProtocols.Contains(a)))
                .Select(p => d.Hit(p, $"ssl_protocols enables {string.Join(", ", p.Args.Where(a => WeakProtocols.Contains(a)))}"))),

        new("MUSTER-NGINX-004", Type, "Weak TLS ciphers enabled", Severity.High,
            "RC4, DES/3DES, MD5-based, NULL, anonymous and EXPORT suites are broken or unauthenticated; enabling them allows downgrade and decryption.",
            "Use a modern list such as `ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:…;` or exclude them with `!RC4:!MD5:!aNULL:!3DES`.",
            d => d.Config.FindAll("ssl_ciphers").Where(c => WeakCiphers(c).Any())
                .Select(c => d.Hit(c, $"ssl_ciphers enables {string.Join(", ", WeakCiphers(c))}"))),

        new("MUSTER-NGINX-005", Type, "X-Content-Type-Options header missing", Severity.Low,
            "Without `X-Content-Type-Options: nosniff` browsers may sniff uploaded or proxied content as script or HTML.",
            "Add `add_header X-Content-Type-Options nosniff always;` (and repeat it in any location that has its own add_header).",
            d => d.ContentServers.Where(s => !NginxAuditDocument.SetsHeader(NginxAuditDocument.EffectiveHeaders(s), "X-Content-Type-Options"))
                .Select(s => d.Hit(s, $"server {Name(s)} sends no X-Content-Type-Options header"))),

        new("MUSTER-NGINX-006", Type, "Clickjacking protection missing", Severity.Low,
            "Without X-Frame-Options or a CSP `frame-ancestors`, any site can frame these pages and trick users into clicking.",
            "Add `add_header X-Frame-Options DENY always;` or `add_header Content-Security-Policy \"frame-ancestors 'none'\" always;`.",
            d => d.ContentServers.Where(s => !FramingProtected(NginxAuditDocument.EffectiveHeaders(s)))
                .Select(s => d.Hit(s, $"server {Name(s)} sends neither X-Frame-Options nor CSP frame-ancestors"))),

        new("MUSTER-NGINX-007", Type, "proxy_pass to an upstream defined nowhere", Severity.High,
            "A `proxy_pass http://name` whose name is neither an `upstream` block nor a resolvable service makes nginx fail at start (\"host not found in upstream\") or proxy to the wrong host.",
            "Define `upstream name { server host:port; }`, or point proxy_pass at a real host:port.",
            UndefinedUpstreams),

        new("MUSTER-NGINX-008", Type, "alias path traversal (off-by-slash)", Severity.High,
            "`location /files { alias /data/files/; }` lets `/files../secret` resolve to `/data/files/../secret`, outside the intended folder.",
            "End the location with a slash when the alias does (`location /files/`), or drop the slash from both.",
            d => d.Config.FindAll("alias").Where(a => a.Parent is { Name: "location" } loc && IsPrefixLocation(loc, out var prefix)
                                                       && !prefix.EndsWith('/') && a.Arg0.EndsWith('/'))
                .Select(a => d.Hit(a, $"location {LocationPrefix(a.Parent!)} has no trailing slash but alias {a.Arg0} does"))),

        new("MUSTER-NGINX-009", Type, "Directory listing enabled", Severity.Medium,
            "`autoindex on` lists every file in the folder, including backups, dumps and files never meant to be linked.",
            "Remove `autoindex on;` (the default is off).",
            d => d.Config.FindAll("autoindex").Where(a => a.Arg0 == "on").Select(a => d.Hit(a, "autoindex on lists directory contents"))),

        new("MUSTER-NGINX-010", Type, "Plain-HTTP server does not redirect to HTTPS", Severity.Medium,
            "When the site has a TLS server (same server_name, or the plain server is the catch-all), a plain-HTTP server that serves content lets users and cookies travel unencrypted.",
            "In the port-80 server: `return 301 https://$host$request_uri;` (keep only the ACME challenge location if needed).",
            d => d.ContentServers.Where(s => !NginxAuditDocument.IsTls(s) && d.TlsServers.Any(tls => SameSite(s, tls)))
                .Select(s => d.Hit(s, $"plain-HTTP server {Name(s)} serves content instead of redirecting to HTTPS"))),

        new("MUSTER-NGINX-011", Type, "HSTS max-age shorter than six months", Severity.Low,
            "A short Strict-Transport-Security max-age expires between visits, leaving returning users open to downgrade again.",
            "Use `max-age=31536000` (one year).",
            d => d.Config.FindAll("add_header").Where(h => h.Arg0.Equals("Strict-Transport-Security", StringComparison.OrdinalIgnoreCase)
                                                          && MaxAge(h) is { } age && age < HalfYearSeconds)
                .Select(h => d.Hit(h, $"HSTS max-age is {MaxAge(h)} seconds"))),

        new("MUSTER-NGINX-012", Type, "Location add_header drops inherited security headers", Severity.Medium,
            "nginx inherits `add_header` only into blocks that have none of their own: one `add_header Cache-Control` in a location silently removes the server's HSTS and security headers there.",
            "Repeat the security headers in that location, or move them to an `include`d snippet used at every level.",
            DroppedHeaders),

        new("MUSTER-NGINX-013", Type, "nginx include not audited", Severity.Info,
            "An `include` that points outside the workspace (e.g. the image's /etc/nginx/mime.types), uses a variable, or matches no file was not read, so whatever it configures is unverified.",
            "Nothing to fix when the file is the distribution's own; otherwise keep included configuration in the repository.",
            d => d.Config.Errors.Where(e => IsIncludeError(d, e))
                .Select(e => new RuleHit(e.File, e.Line, e.Column, $"UNVERIFIED: {e.Message}", null, $"{e.File}:{e.Line}"))),

        new("MUSTER-NGINX-015", Type, "Upload location keeps the 1 MB body limit", Severity.Low,
            "nginx refuses request bodies over `client_max_body_size`, 1 MB by default, with 413 before the application sees them: an upload endpoint without its own limit fails for any real file, usually reported as a mysterious application bug.",
            "Set `client_max_body_size` to the largest upload you accept (e.g. `client_max_body_size 50m;`) in that location or its server.",
            d => d.Config.FindAll("location").Where(IsUploadLocation).Where(l => NginxAuditDocument.Inherited(l, "client_max_body_size") is null)
                .Select(l => d.Hit(l, $"location {LocationPrefix(l)} takes uploads but no client_max_body_size applies, so bodies over 1 MB get 413"))),
    ];

    private static readonly string[] PassDirectives = ["proxy_pass", "fastcgi_pass", "uwsgi_pass", "grpc_pass", "scgi_pass"];

    // An upload endpoint: its path names uploads and it hands requests to an application.
    private static bool IsUploadLocation(NginxDirective location) =>
        location.IsBlock && location.Args.Count > 0 && location.Args[^1].Contains("upload", StringComparison.OrdinalIgnoreCase)
        && location.Children.Any(c => PassDirectives.Contains(c.Name));

    /// <summary>Rules on the workspace's set of nginx files rather than one configuration.</summary>
    public static readonly IReadOnlyList<ConfigRule<NginxSelection>> Selection =
    [
        new("MUSTER-NGINX-014", Type, "nginx file not loaded by any nginx.conf", Severity.Info,
            "nginx reads only its main config and what that config includes; a file beside it that nothing includes (a template, a dotfile that `*.conf` skips) is never loaded, so it is not audited and its settings do not apply.",
            "Nothing to fix if the file is a template; otherwise include it from the main config (mind that `include conf.d/*.conf` does not match dotfiles).",
            s => s.Unloaded.Select(path => new RuleHit(path, 1, 1, $"UNVERIFIED: {path} is not loaded by any nginx.conf in the workspace, so it was not audited", null, path))),
    ];

    private static bool IsIncludeError(NginxAuditDocument d, NginxParseError error) =>
        d.Config.Includes.Any(i => i.Directive.File == error.File && i.Directive.Line == error.Line && i.Directive.Column == error.Column);

    private static readonly string[] SecurityHeaders = ["Strict-Transport-Security", "X-Content-Type-Options", "X-Frame-Options", "Content-Security-Policy"];

    private static string Name(NginxDirective server) =>
        server.ChildrenNamed("server_name").FirstOrDefault() is { Args.Count: > 0 } n ? string.Join(' ', n.Args) : $"at line {server.Line}";

    // A plain-HTTP server is the HTTP side of a TLS site when they share a name, or when it is the catch-all.
    private static bool SameSite(NginxDirective plain, NginxDirective tls)
    {
        var plainNames = ServerNames(plain);
        return plainNames.Count == 0 || plainNames.Overlaps(ServerNames(tls));
    }

    private static HashSet<string> ServerNames(NginxDirective server) =>
        server.ChildrenNamed("server_name").SelectMany(n => n.Args).Where(n => n is not ("_" or "")).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<RuleHit> ServerTokens(NginxAuditDocument d)
    {
        foreach (var explicitOn in d.Config.FindAll("server_tokens").Where(t => t.Arg0 == "on"))
        {
            yield return d.Hit(explicitOn, "server_tokens on advertises the nginx version");
        }
        var http = d.Config.FindAll("http").FirstOrDefault(h => h.IsBlock);
        if (http is not null && !http.ChildrenNamed("server_tokens").Any())
        {
            var anyServerUnset = !d.Servers.Any() || d.Servers.Any(s => NginxAuditDocument.Inherited(s, "server_tokens") is null);
            if (anyServerUnset) yield return d.Hit(http, "server_tokens is not set, so the default (on) advertises the nginx version");
        }
        else if (http is null)
        {
            foreach (var server in d.Servers.Where(s => NginxAuditDocument.Inherited(s, "server_tokens") is null))
            {
                yield return d.Hit(server, $"server {Name(server)} does not set server_tokens and no http block here sets it (default on)");
            }
        }
    }

    private static IEnumerable<string> WeakCiphers(NginxDirective ciphers) =>
        string.Join(':', ciphers.Args).Split([':', ' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Where(c => c[0] is not ('!' or '-'))
            .Where(c => c.TrimStart('+').Split('-', '+').Any(w => WeakCipherWords.Contains(w.ToUpperInvariant())))
            .Distinct(StringComparer.Ordinal);

    private static bool FramingProtected(IReadOnlyList<NginxDirective> headers) =>
        NginxAuditDocument.SetsHeader(headers, "X-Frame-Options")
        || headers.Any(h => h.Arg0.Equals("Content-Security-Policy", StringComparison.OrdinalIgnoreCase)
                            && h.Args.Skip(1).Any(a => a.Contains("frame-ancestors", StringComparison.OrdinalIgnoreCase)));

    private static IEnumerable<RuleHit> UndefinedUpstreams(NginxAuditDocument d)
    {
        foreach (var pass in d.Config.FindAll("proxy_pass").Concat(d.Config.FindAll("grpc_pass")))
        {
            var m = ProxyTarget().Match(pass.Arg0);
            if (!m.Success) continue;
            var host = m.Groups["host"].Value;
            var hasPort = m.Groups["port"].Success;
            if (host.Contains('$') || hasPort || host.Contains('.') || host.StartsWith('[') || host == "localhost" || pass.Arg0.Contains("://unix:", StringComparison.OrdinalIgnoreCase)) continue;
            if (d.Upstreams.Contains(host) || d.ComposeServices.Contains(host)) continue;
            var unseen = d.Config.Includes.Count(i => !i.Followed);
            var caveat = unseen > 0 ? $" ({unseen} include(s) could not be read and were not searched)" : "";
            yield return d.Hit(pass, $"{pass.Name} targets '{host}', which no upstream block or compose service in the workspace defines{caveat}", host);
        }
    }

    private static bool IsPrefixLocation(NginxDirective location, out string prefix)
    {
        prefix = LocationPrefix(location);
        return location.Args.Count == 1 || (location.Args.Count == 2 && location.Args[0] == "^~");
    }

    private static string LocationPrefix(NginxDirective location) => location.Args.Count == 0 ? "" : location.Args[^1];

    private static long? MaxAge(NginxDirective header)
    {
        var m = MaxAgeValue().Match(string.Join(' ', header.Args.Skip(1)));
        return m.Success && long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static IEnumerable<RuleHit> DroppedHeaders(NginxAuditDocument d)
    {
        foreach (var location in d.Config.FindAll("location").Where(l => l.IsBlock && l.ChildrenNamed("add_header").Any()))
        {
            if (location.Parent is null) continue;
            var inherited = NginxAuditDocument.EffectiveHeaders(location.Parent);
            var own = location.ChildrenNamed("add_header").ToList();
            var dropped = SecurityHeaders.Where(h => NginxAuditDocument.SetsHeader(inherited, h) && !NginxAuditDocument.SetsHeader(own, h)).ToList();
            if (dropped.Count > 0)
            {
                yield return d.Hit(location, $"location {LocationPrefix(location)} has its own add_header, so {string.Join(", ", dropped)} from the enclosing block is not sent there");
            }
        }
    }

    [GeneratedRegex(@"^(?:https?|grpcs?)://(?<host>\[[^\]]*\]|[^/:]+)(?::(?<port>[^/]+))?", RegexOptions.IgnoreCase)]
    private static partial Regex ProxyTarget();

    [GeneratedRegex(@"max-age\s*=\s*""?(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex MaxAgeValue();
}
