using System.Net;
using Muster.Agents.InfraState.Probes;
using Muster.Model;

namespace Muster.Agents.InfraState.Nginx;

/// <summary>
/// Checks that every service nginx proxies to can be there: a compose service that is declared, enabled by the active
/// profiles and running healthy; a loopback address that accepts connections. Anything else is UNVERIFIED.
/// </summary>
internal static class ProxyTargetVerifier
{
    public static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    public static IEnumerable<Finding> Verify(IReadOnlyList<ProxyTarget> targets, IReadOnlyList<ServiceReality> services, EngineSnapshot snapshot,
        IReadOnlyList<ProbeResult> probes)
    {
        foreach (var t in targets)
        {
            var location = new SourceLocation(t.File, t.Line);
            var props = new Dictionary<string, string> { ["target"] = t.Address, ["via"] = t.Via };
            var service = services.Where(s => s.Service.Name == t.Host || s.Service.ContainerName == t.Host).ToList();
            if (service.Count > 0)
            {
                props["service"] = service[0].Service.Name;
                if (!service.Any(s => s.Expected))
                {
                    yield return ServiceDriftAnalyzer.Make(InfraRules.ProxyTargetInactive, Severity.Medium,
                        $"nginx proxies to '{t.Host}', which does not start with the enabled profiles",
                        $"nginx ({t.Via}) sends traffic to {t.Address}, but compose service '{t.Host}' only starts with profile(s) " +
                        $"{string.Join(", ", service[0].Service.Profiles)}, which are not enabled; requests to it will fail with 502.",
                        "Enable the profile where the stack runs (COMPOSE_PROFILES, or 'profiles:' in muster.services.yaml), drop the profile, or remove the route.",
                        location, props, t.Address);
                    continue;
                }
                if (!snapshot.Reachable)
                {
                    yield return ServiceDriftAnalyzer.Make(InfraRules.Unverified, Severity.High, $"nginx target UNVERIFIED: {t.Address}",
                        $"nginx ({t.Via}) expects compose service '{t.Host}' at {t.Address}; whether it runs cannot be verified: no container engine answered ({snapshot.Error}).",
                        "Run the audit where the container engine is reachable (DOCKER_HOST or the docker-host setting).", location,
                        props.Append(new("verdict", "unverified")).ToDictionary(), "nginx|" + t.Address);
                    continue;
                }
                if (!service.Any(s => s.Expected && s.FullyUp))
                {
                    var containers = service.SelectMany(s => s.Containers).ToList();
                    var state = containers.Count == 0 ? "no container" : string.Join(", ", containers.Select(c => c.State + (c.Health is { } h ? $" ({h})" : "")));
                    yield return ServiceDriftAnalyzer.Make(InfraRules.ProxyTargetDown, Severity.High, $"nginx proxies to '{t.Host}', which is not running",
                        $"nginx ({t.Via}) sends traffic to {t.Address}, but compose service '{t.Host}' is not up: {state}.",
                        $"Start or fix '{t.Host}' (docker compose up -d {t.Host}), or remove the route.", location, props, t.Address);
                }
                continue;
            }
            if (IsLoopback(t.Host) && probes.FirstOrDefault(p => p.Service == "nginx:" + t.Address) is { } probe)
            {
                if (!probe.Passed)
                {
                    props["detail"] = probe.Detail;
                    yield return ServiceDriftAnalyzer.Make(InfraRules.ProxyTargetDown, Severity.High, $"nginx proxies to {t.Address}, which refuses connections",
                        $"nginx ({t.Via}) sends traffic to {t.Address}, but nothing accepts connections there: {probe.Detail}.",
                        "Start the service that should listen there, or fix the address.", location, props, t.Address);
                }
                continue;
            }
            yield return ServiceDriftAnalyzer.Make(InfraRules.Unverified, Severity.Medium, $"nginx target UNVERIFIED: {t.Address}",
                $"nginx ({t.Via}) expects a service at {t.Address}, which matches no compose service and is not a local address; it cannot be checked from here.",
                $"Declare it in muster.services.yaml with a probe (tcp: {t.Address}) or as a compose service.", location,
                props.Append(new("verdict", "unverified")).ToDictionary(), "nginx|" + t.Address);
        }
    }
}
