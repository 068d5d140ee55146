using Muster.Formats.Services;

namespace Muster.Agents.Preflight;

/// <summary>
/// The network probe targets declared in <c>muster.services.yaml</c> (the infra-state agent's manifest): each
/// service's <c>http</c> URL host and port and its <c>tcp</c> host:port. Preflight only checks that they accept a TCP
/// connection; the infra-state agent does the full probes.
/// </summary>
internal static class ProbeTargets
{
    public static IEnumerable<(string Path, int Line, string Service, string Host, int Port)> Find(string root, string? manifestPath)
    {
        var file = Path.GetFullPath(manifestPath ?? ServiceManifest.FileName, root);
        if (!File.Exists(file)) yield break;
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        var manifest = ServiceManifest.Parse(File.ReadAllText(file), relative);
        foreach (var service in manifest.Services)
        {
            if (service.HttpUrl is { } url) yield return (relative, service.Line, service.Name, url.Host, url.Port);
            if (service.TcpHost is { Length: > 0 } host && service.TcpPort > 0) yield return (relative, service.Line, service.Name, host, service.TcpPort);
        }
    }
}
