using Muster.Agents.InfraState.Probes;
using Muster.Formats.Compose;

namespace Muster.Agents.InfraState;

/// <summary>A declared compose service with the containers the engine runs for it.</summary>
internal sealed record ServiceReality(ComposeProject Project, ComposeService Service, bool Expected, IReadOnlyList<ContainerObservation> Containers)
{
    public int Running => Containers.Count(c => c.IsRunning);
    public int RunningHealthy => Containers.Count(c => c.IsRunning && c.IsHealthyOrUnchecked);
    public bool FullyUp => RunningHealthy >= Service.ExpectedContainers;

    /// <summary>
    /// Maps containers to declared services by the compose labels (project and service); when no container carries a
    /// project's label (started under another project name), by the service label alone, then by container name.
    /// </summary>
    public static IReadOnlyList<ServiceReality> Map(IReadOnlyList<ComposeProject> projects, IReadOnlyCollection<string> profiles,
        IReadOnlyList<ContainerObservation> containers)
    {
        var result = new List<ServiceReality>();
        foreach (var project in projects)
        {
            var byProjectLabel = containers.Where(c => c.ComposeProject == project.Name).ToList();
            foreach (var service in project.Services)
            {
                IReadOnlyList<ContainerObservation> mine = byProjectLabel.Count > 0
                    ? byProjectLabel.Where(c => c.ComposeService == service.Name).ToList()
                    : containers.Where(c => c.ComposeService == service.Name
                                            || (c.ComposeService is null && NameMatches(c.Name, service))).ToList();
                result.Add(new ServiceReality(project, service, service.IsActive(profiles), mine));
            }
        }
        return result;
    }

    private static bool NameMatches(string containerName, ComposeService service)
    {
        if (service.ContainerName is { } explicitName) return containerName == explicitName;
        if (containerName == service.Name) return true;
        // project_service_1 (compose v1) or project-service-1 (v2)
        foreach (var separator in new[] { '_', '-' })
        {
            var suffix = $"{separator}{service.Name}{separator}";
            var index = containerName.LastIndexOf(suffix, StringComparison.Ordinal);
            if (index > 0 && containerName[(index + suffix.Length)..].All(char.IsAsciiDigit)) return true;
        }
        return false;
    }
}
