using Muster.Agents.InfraState;
using Muster.Agents.InfraState.Probes;
using Muster.Formats.Compose;
using Muster.Model;
using Muster.Tests.Formats.Compose;

namespace Muster.Tests.Agents.InfraState;

public class ServiceDriftAnalyzerTests
{
    private static ComposeProject Project(string yaml)
    {
        using var folder = new ComposeTempFolder();
        var file = folder.Write("shop/compose.yml", yaml);
        return ComposeLoader.Load([file], new ComposeLoadOptions { Environment = new Dictionary<string, string>(), DisplayRoot = folder.Path });
    }

    private static ContainerObservation Container(string name, string state, string? project = "shop", string? service = null, string? health = null,
        long? exit = null, long restarts = 0) =>
        new() { Id = name, Name = name, State = state, ComposeProject = project, ComposeService = service, Health = health, ExitCode = exit, RestartCount = restarts };

    private static EngineSnapshot Engine(params ContainerObservation[] containers) =>
        new() { Reachable = true, Endpoint = "unix:///test.sock", ApiVersion = "1.41", Containers = containers };

    private static List<Finding> Analyze(ComposeProject project, IReadOnlyCollection<string> profiles, EngineSnapshot engine) =>
        ServiceDriftAnalyzer.Analyze(ServiceReality.Map([project], profiles, engine.Containers), engine, new HashSet<string>()).ToList();

    [Fact]
    public void Restarting_partial_and_undeclared_containers_are_reported()
    {
        var project = Project("services:\n  api: { image: a }\n  worker: { image: w, deploy: { replicas: 3 } }\n  db: { image: d }\n");
        var engine = Engine(
            Container("shop-api-1", "restarting", service: "api", exit: 1, restarts: 7),
            Container("shop-worker-1", "running", service: "worker"),
            Container("shop-worker-2", "running", service: "worker", health: "healthy"),
            Container("shop-db-1", "running", service: "db", health: "healthy"),
            Container("stray", "running", project: null));

        var findings = Analyze(project, [], engine);

        Assert.Equal(["MUSTER-INFRA-RESTARTING shop/compose.yml:2:3", "MUSTER-INFRA-PARTIAL shop/compose.yml:3:3", "MUSTER-INFRA-UNDECLARED "],
            findings.Select(f => $"{f.RuleId} {f.Location}"));
        Assert.Equal("7", findings[0].Properties["restart_count"]);
        Assert.Equal("api 1", $"{findings[0].Properties["service"]} {findings[0].Properties["exit_code"]}");
        Assert.Contains("2 of 3", findings[1].Title, StringComparison.Ordinal);
        Assert.Equal("stray", findings[2].Properties["container"]);
    }

    [Fact]
    public void Containers_started_under_another_project_name_map_by_service_label_then_by_name()
    {
        var project = Project("services:\n  api: { image: a }\n  web: { image: w }\n  db: { image: d, container_name: main-db }\n");
        var engine = Engine(
            Container("other_api_1", "running", project: "other", service: "api"),
            Container("legacy_web_1", "running", project: null),
            Container("main-db", "exited", project: null, exit: 137));

        var findings = Analyze(project, [], engine);

        var exited = Assert.Single(findings);
        Assert.Equal(("MUSTER-INFRA-EXITED", "137", Severity.High), (exited.RuleId, exited.Properties["exit_code"], exited.Severity));
        Assert.Contains("main-db", exited.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Services_behind_disabled_profiles_are_not_expected()
    {
        var project = Project("services:\n  api: { image: a }\n  debug: { image: d, profiles: [debug] }\n");
        var engine = Engine(Container("shop-api-1", "running", service: "api"));

        Assert.Empty(Analyze(project, [], engine));
        Assert.Equal("debug", Assert.Single(Analyze(project, ["debug"], engine)).Properties["service"]);
    }

    [Fact]
    public void Healthy_and_unchecked_running_services_give_no_finding()
    {
        var project = Project("services:\n  api: { image: a }\n  db: { image: d }\n");
        var engine = Engine(Container("shop-api-1", "running", service: "api", health: "healthy"), Container("shop-db-1", "running", service: "db"));

        Assert.Empty(Analyze(project, [], engine));
    }

    [Fact]
    public void Starting_health_is_low_and_unhealthy_is_high()
    {
        var project = Project("services:\n  api: { image: a }\n  db: { image: d }\n");
        var engine = Engine(Container("shop-api-1", "running", service: "api", health: "starting"), Container("shop-db-1", "running", service: "db", health: "unhealthy"));

        var findings = Analyze(project, [], engine).ToDictionary(f => f.Properties["service"]);

        Assert.Equal((Severity.Low, "MUSTER-INFRA-UNHEALTHY"), (findings["api"].Severity, findings["api"].RuleId));
        Assert.Equal((Severity.High, "MUSTER-INFRA-UNHEALTHY"), (findings["db"].Severity, findings["db"].RuleId));
    }
}
