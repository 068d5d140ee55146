using Muster.Agents.InfraState.Probes;
using Muster.Model;

namespace Muster.Agents.InfraState;

/// <summary>Per-service drift: declared and expected to run but missing, exited, restarting, unhealthy or short of replicas; running but declared nowhere.</summary>
internal static class ServiceDriftAnalyzer
{
    public static IEnumerable<Finding> Analyze(IReadOnlyList<ServiceReality> services, EngineSnapshot snapshot, IReadOnlySet<string> probedContainerNames)
    {
        foreach (var s in services.Where(s => s.Expected))
        {
            var location = new SourceLocation(s.Service.Position.File, s.Service.Position.Line, s.Service.Position.Column);
            var name = s.Service.Name;
            var props = new Dictionary<string, string>
            {
                ["service"] = name,
                ["project"] = s.Project.Name,
                ["expected_containers"] = s.Service.ExpectedContainers.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["containers"] = s.Containers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["running"] = s.Running.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if (s.Containers.Count == 0)
            {
                yield return Make(InfraRules.Missing, Severity.High, $"Service '{name}' is declared but no container exists",
                    $"'{name}' is declared in {location} and expected to run{Profiles(s)}, but the engine at {snapshot.Endpoint} has no container for it.",
                    $"Start it (docker compose up -d {name}) or remove it from the compose file if it is not meant to run.", location, props, name);
                continue;
            }
            if (s.FullyUp) continue;
            var restarting = s.Containers.FirstOrDefault(c => c.State == "restarting" || (c.IsRunning && c.RestartCount > 0 && !c.IsHealthyOrUnchecked));
            var unhealthy = s.Containers.FirstOrDefault(c => c.IsRunning && c.Health is "unhealthy" or "starting");
            var stopped = s.Containers.FirstOrDefault(c => !c.IsRunning);
            if (restarting is not null)
            {
                props["restart_count"] = restarting.RestartCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (restarting.ExitCode is { } rc) props["exit_code"] = rc.ToString(System.Globalization.CultureInfo.InvariantCulture);
                yield return Make(InfraRules.Restarting, Severity.High, $"Service '{name}' is restarting",
                    $"Container {restarting.Name} of '{name}' is {restarting.State} after {restarting.RestartCount} restarts.",
                    $"Read its logs (docker logs {restarting.Name}) and fix the crash; the restart policy hides it.", location, props, name);
            }
            else if (unhealthy is not null)
            {
                props["health"] = unhealthy.Health!;
                yield return Make(InfraRules.Unhealthy, unhealthy.Health == "starting" ? Severity.Low : Severity.High,
                    $"Service '{name}' is {unhealthy.Health}",
                    $"Container {unhealthy.Name} of '{name}' runs but its healthcheck reports {unhealthy.Health}.",
                    $"Inspect the failing check (docker inspect --format '{{{{json .State.Health}}}}' {unhealthy.Name}) and fix the service or the check.",
                    location, props, name);
            }
            else if (stopped is not null && s.Running == 0)
            {
                var code = stopped.ExitCode is { } c ? $" with exit code {c}" : "";
                if (stopped.ExitCode is { } ec) props["exit_code"] = ec.ToString(System.Globalization.CultureInfo.InvariantCulture);
                props["state"] = stopped.State;
                yield return Make(InfraRules.Exited, Severity.High, $"Service '{name}' is {stopped.State}{code}",
                    $"Container {stopped.Name} of '{name}' is {stopped.State}{code}; it is expected to run.",
                    $"Read its logs (docker logs {stopped.Name}), fix the cause and start it again.", location, props, name);
            }
            else
            {
                yield return Make(InfraRules.PartiallyRunning, Severity.Medium, $"Service '{name}' runs {s.RunningHealthy} of {s.Service.ExpectedContainers} containers",
                    $"'{name}' expects {s.Service.ExpectedContainers} healthy containers; {s.RunningHealthy} run healthy.",
                    "Scale it back up or lower the declared replicas.", location, props, name);
            }
        }

        var mapped = services.SelectMany(s => s.Containers).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var c in snapshot.Containers.Where(c => c.IsRunning && !mapped.Contains(c.Id) && !probedContainerNames.Contains(c.Name)))
        {
            var props = new Dictionary<string, string> { ["container"] = c.Name, ["image"] = c.Image };
            if (c.ComposeProject is { } p) props["compose_project"] = p;
            if (c.ComposeService is { } sv) props["compose_service"] = sv;
            yield return Make(InfraRules.Undeclared, Severity.Medium, $"Container '{c.Name}' runs but is declared nowhere",
                $"Container {c.Name} ({c.Image}) runs on {snapshot.Endpoint} but no compose file or muster.services.yaml in the workspace declares it.",
                "Declare it in the workspace's compose file (or muster.services.yaml), or stop it if it is left over.", null, props, c.Name);
        }
    }

    private static string Profiles(ServiceReality s) =>
        s.Service.Profiles.Count > 0 ? $" (its profiles {string.Join(", ", s.Service.Profiles)} are enabled)" : "";

    internal static Finding Make(string rule, Severity severity, string title, string message, string remediation, SourceLocation? location,
        IReadOnlyDictionary<string, string> properties, string discriminator) =>
        new Finding
        {
            RuleId = rule,
            Title = title,
            Severity = severity,
            Category = InfraRules.Category,
            Message = message,
            Location = location,
            Remediation = remediation,
            Properties = properties,
        }.WithDefaultFingerprint(discriminator);
}
