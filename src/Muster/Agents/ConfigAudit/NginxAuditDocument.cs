using Muster.Formats.Nginx;

namespace Muster.Agents.ConfigAudit;

/// <summary>
/// One top-level nginx configuration (includes inline) plus what the workspace knows beyond it: upstream names
/// defined in any nginx file, and compose service names, which nginx can resolve as host names on a compose network.
/// </summary>
internal sealed class NginxAuditDocument(NginxConfig config, IReadOnlySet<string> upstreams, IReadOnlySet<string> composeServices)
{
    public NginxConfig Config { get; } = config;
    public IReadOnlySet<string> Upstreams { get; } = upstreams;
    public IReadOnlySet<string> ComposeServices { get; } = composeServices;

    /// <summary>Server blocks of the http context (not the <c>server</c> lines inside <c>upstream</c>, not <c>stream</c> servers).</summary>
    public IEnumerable<NginxDirective> Servers =>
        Config.FindAll("server").Where(s => s.IsBlock && !s.Ancestors().Any(a => a.Name is "stream" or "mail"));

    public IEnumerable<NginxDirective> TlsServers => Servers.Where(IsTls);

    /// <summary>
    /// Servers that serve something: not those that only redirect or refuse (<c>return 301 …</c> to any target,
    /// <c>return 444</c> or another 4xx), whose responses carry no page to protect with headers.
    /// </summary>
    public IEnumerable<NginxDirective> ContentServers => Servers.Where(s => !RedirectsOrRefuses(s));

    /// <summary>TLS servers that serve content (the ones HSTS matters for; a 444 sends no response at all).</summary>
    public IEnumerable<NginxDirective> TlsContentServers => ContentServers.Where(IsTls);

    public static bool RedirectsOrRefuses(NginxDirective server)
    {
        static bool Redirect(NginxDirective block) =>
            block.ChildrenNamed("return").Any(r => int.TryParse(r.Arg0, out var code) && code is >= 300 and < 400 or >= 400 and < 500)
            || block.ChildrenNamed("rewrite").Any(r => r.Args.Count >= 2 && r.Args[1].StartsWith("https://", StringComparison.OrdinalIgnoreCase));

        if (Redirect(server)) return true;
        var root = server.ChildrenNamed("location").FirstOrDefault(l => l.Args is ["/"] || l.Args is ["=", "/"]);
        return root is not null && Redirect(root);
    }

    public static bool IsTls(NginxDirective server) =>
        server.ChildrenNamed("listen").Any(l => l.Args.Any(a => a is "ssl" or "quic" or "http3") || l.Arg0.EndsWith("443", StringComparison.Ordinal))
        || server.ChildrenNamed("ssl").Any(s => s.Arg0 == "on")
        || server.ChildrenNamed("ssl_certificate").Any();

    /// <summary>
    /// The <c>add_header</c> directives in force at a block: nginx inherits them from the enclosing level only when
    /// the block has none of its own.
    /// </summary>
    public static IReadOnlyList<NginxDirective> EffectiveHeaders(NginxDirective block)
    {
        for (NginxDirective? level = block; level is not null; level = level.Parent)
        {
            var own = level.Children.Where(c => c.Name is "add_header" or "more_set_headers").ToList();
            if (own.Count > 0) return own;
        }
        return [];
    }

    public static bool SetsHeader(IReadOnlyList<NginxDirective> headers, string name) =>
        headers.Any(h => h.Name == "add_header" ? h.Arg0.Equals(name, StringComparison.OrdinalIgnoreCase)
            : h.Args.Any(a => a.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The value of the nearest <paramref name="name"/> directive from the block outwards, if any.</summary>
    public static NginxDirective? Inherited(NginxDirective block, string name)
    {
        for (NginxDirective? level = block; level is not null; level = level.Parent)
        {
            if (level.ChildrenNamed(name).LastOrDefault() is { } found) return found;
        }
        return null;
    }

    /// <summary>A hit whose fingerprint follows the directive and its enclosing blocks, not its line, so edits above it keep it stable.</summary>
    public RuleHit Hit(NginxDirective at, string message, string? discriminator = null) =>
        new(at.File, at.Line, at.Column, message, at.ToString(), discriminator ?? Identity(at));

    private static string Identity(NginxDirective at)
    {
        var path = at.Ancestors().Reverse().Append(at).Select(d =>
            d.Name == "server" ? "server " + string.Join(' ', d.ChildrenNamed("server_name").SelectMany(n => n.Args).Concat(d.ChildrenNamed("listen").Select(l => l.Arg0)))
                : $"{d.Name} {string.Join(' ', d.Args)}");
        return string.Join(" > ", path);
    }
}
