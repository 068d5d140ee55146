using System.Globalization;
using Muster.Formats.Nginx;
using Muster.Workspace;

namespace Muster.Agents.InfraState.Nginx;

/// <summary>
/// Reads the workspace's nginx configurations (with the nginx parser) and lists every service they proxy to:
/// upstream servers and direct <c>proxy_pass</c> hosts. Targets built from variables cannot be resolved and are left
/// out; a <c>proxy_pass</c> to an upstream defined nowhere is the config audit's finding, not a target here.
/// </summary>
public static class NginxProxyTargets
{
    public static IReadOnlyList<ProxyTarget> Find(string root, IEnumerable<WorkspaceFile> files)
    {
        var targets = new List<ProxyTarget>();
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files.Where(IsNginxConfig))
        {
            if (seenFiles.Contains(file.RelativePath)) continue;
            NginxConfig config;
            try
            {
                config = NginxConfig.Load(file.FullPath, root);
            }
            catch (IOException)
            {
                continue;
            }
            foreach (var f in config.Files) seenFiles.Add(f);
            if (!config.AllDirectives().Any(d => d.Name is "http" or "server" or "upstream" or "location")) continue;
            targets.AddRange(FromConfig(config));
        }
        return targets.DistinctBy(t => (t.Address, t.File, t.Line)).ToList();
    }

    public static IEnumerable<ProxyTarget> FromConfig(NginxConfig config)
    {
        var upstreams = config.FindAll("upstream").Where(u => u.IsBlock).ToList();
        foreach (var upstream in upstreams)
        {
            foreach (var server in upstream.ChildrenNamed("server"))
            {
                if (Parse(server.Arg0) is { } hp && !hp.Host.Contains('$', StringComparison.Ordinal))
                {
                    yield return new ProxyTarget(hp.Host, hp.Port, server.File, server.Line, $"upstream {upstream.Arg0}");
                }
            }
        }
        var upstreamNames = upstreams.Select(u => u.Arg0).ToHashSet(StringComparer.Ordinal);
        foreach (var pass in config.FindAll("proxy_pass"))
        {
            var url = pass.Arg0;
            if (url.Contains('$', StringComparison.Ordinal)) continue;
            var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
            var rest = schemeEnd >= 0 ? url[(schemeEnd + 3)..] : url;
            if (rest.StartsWith("unix:", StringComparison.Ordinal)) continue;
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var authority = slash >= 0 ? rest[..slash] : rest;
            if (upstreamNames.Contains(authority) || Parse(authority) is not { } hp) continue;
            if (hp.Port is null && !hp.Host.Contains('.', StringComparison.Ordinal) && hp.Host != "localhost")
            {
                continue; // a bare name without a port: an upstream reference (defined nowhere, which the config audit reports)
            }
            var port = hp.Port ?? (url.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 443 : 80);
            yield return new ProxyTarget(hp.Host, port, pass.File, pass.Line, "proxy_pass");
        }
    }

    private static (string Host, int? Port)? Parse(string authority)
    {
        if (authority.Length == 0) return null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) return null;
            var host = authority[1..close];
            return authority.Length > close + 2 && authority[close + 1] == ':' && int.TryParse(authority[(close + 2)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p6)
                ? (host, p6)
                : (host, null);
        }
        var colon = authority.LastIndexOf(':');
        return colon > 0 && int.TryParse(authority[(colon + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var port)
            ? (authority[..colon], port)
            : (authority, null);
    }

    private static bool IsNginxConfig(WorkspaceFile file)
    {
        var name = Path.GetFileName(file.RelativePath);
        var path = "/" + file.RelativePath;
        return name == "nginx.conf" || (name.EndsWith(".conf", StringComparison.Ordinal) &&
                                        (path.Contains("/nginx/", StringComparison.Ordinal) || path.Contains("/conf.d/", StringComparison.Ordinal)))
               || path.Contains("/sites-enabled/", StringComparison.Ordinal);
    }
}
