using System.Diagnostics;
using Muster.Agents.InfraState;
using Muster.Model;
using Muster.Tests.Docker;
using Xunit.Abstractions;

namespace Muster.Tests.Agents.InfraState;

/// <summary>
/// Runs the audit against a real (private) Docker engine: a stack where web and cache run (web healthy), sick runs
/// unhealthy, done exited with code 3, never was declared but not started and debug sits behind a disabled profile.
/// The status document over-claims; the exact drift is asserted.
/// </summary>
[Collection(DockerEngineCollection.Name)]
public sealed class InfraStateEngineTests(DockerEngineFixture engine, ITestOutputHelper output)
{
    private const string Compose = """
        services:
          web:
            image: muster-busybox:test
            command: ["sh", "-c", "mkdir -p /www && echo ok > /www/index.html && exec httpd -f -p 8080 -h /www"]
            network_mode: none
            healthcheck:
              test: ["CMD", "wget", "-q", "-O", "-", "http://127.0.0.1:8080/"]
              interval: 1s
              timeout: 1s
              retries: 2
          cache:
            image: muster-busybox:test
            command: ["sleep", "600"]
            network_mode: none
          sick:
            image: muster-busybox:test
            command: ["sleep", "600"]
            network_mode: none
            healthcheck:
              test: ["CMD", "false"]
              interval: 1s
              timeout: 1s
              retries: 1
          done:
            image: muster-busybox:test
            command: ["sh", "-c", "exit 3"]
            network_mode: none
          never:
            image: muster-busybox:test
            command: ["sleep", "600"]
            network_mode: none
          debug:
            image: muster-busybox:test
            profiles: [debug]
            command: ["sleep", "600"]
            network_mode: none
        """;

    private const string Status = """
        # Stack status

        **Infrastructure**: 6/6 containers running
        | **Services Configured** | 6-service Docker stack |

        - ✅ web running
        - ✅ never running
        AWS: Integrated
        """;

    [Fact]
    public async Task Audit_reports_the_exact_drift_between_claims_and_the_engine()
    {
        using var ws = new InfraTestWorkspace();
        var composeFile = ws.Write("musterstack/docker-compose.yml", Compose);
        ws.Write("STATUS.md", Status);
        var up = Stopwatch.StartNew();
        await engine.RunAsync("docker-compose", ["-f", composeFile, "up", "-d", "web", "cache", "sick", "done"], Path.GetDirectoryName(composeFile));
        try
        {
            await engine.RunAsync("docker", ["run", "-d", "--network", "none", "--name", "stray", DockerEngineFixture.Image, "sleep", "600"]);
            await WaitForAsync("musterstack_web_1", "{{.State.Health.Status}}", "healthy");
            await WaitForAsync("musterstack_sick_1", "{{.State.Health.Status}}", "unhealthy");
            await WaitForAsync("musterstack_done_1", "{{.State.Status}}", "exited");
            up.Stop();

            var result = await ws.AuditAsync(new() { ["docker-host"] = engine.Endpoint });

            output.WriteLine($"engine start {engine.StartTime.TotalMilliseconds:0} ms, image {engine.ImageTime.TotalMilliseconds:0} ms, stack up {up.ElapsedMilliseconds} ms");
            foreach (var (k, v) in result.Metrics) output.WriteLine($"{k} = {v}");
            foreach (var f in result.Findings) output.WriteLine($"{f.Severity.ToLabel()} {f.RuleId} {f.Location} {f.Message}");

            // Running-state drift only: documentation coverage has its own tests.
            var drift = result.Findings.Where(f => f.Severity > Severity.Info && f.RuleId != InfraRules.UndocumentedService)
                .Select(f => $"{f.Severity.ToLabel()} {f.RuleId} {f.Location}").Order(StringComparer.Ordinal).ToList();
            Assert.Equal(new[]
            {
                "HIGH MUSTER-INFRA-CLAIM-DRIFT STATUS.md:3",
                "HIGH MUSTER-INFRA-CLAIM-DRIFT STATUS.md:7",
                "HIGH MUSTER-INFRA-EXITED musterstack/docker-compose.yml:24:3",
                "HIGH MUSTER-INFRA-MISSING musterstack/docker-compose.yml:28:3",
                "HIGH MUSTER-INFRA-UNHEALTHY musterstack/docker-compose.yml:15:3",
                "MEDIUM MUSTER-INFRA-UNDECLARED ",
                "MEDIUM MUSTER-INFRA-UNVERIFIED STATUS.md:8",
            }, drift);
            Assert.Equal("stray", result.Findings.Single(f => f.RuleId == "MUSTER-INFRA-UNDECLARED").Properties["container"]);

            var ratio = result.Findings.Single(f => f.Location?.Line == 3);
            Assert.Equal("claimed 6/6 running; verified 3 of 4 found; 2 absent.", ratio.Message);
            Assert.Equal("6/6 running", ratio.Properties["claimed"]);
            Assert.Equal("3 of 4 found running (1 unhealthy); 2 absent", ratio.Properties["verified"]);
            Assert.Equal("drifted", ratio.Properties["verdict"]);
            Assert.Equal("3", result.Findings.Single(f => f.RuleId == "MUSTER-INFRA-EXITED").Properties["exit_code"]);
            Assert.Equal("unhealthy", result.Findings.Single(f => f.RuleId == "MUSTER-INFRA-UNHEALTHY").Properties["health"]);
            Assert.Contains("'never'", result.Findings.Single(f => f.RuleId == "MUSTER-INFRA-MISSING").Message, StringComparison.Ordinal);

            var verified = result.Findings.Where(f => f.RuleId == "MUSTER-INFRA-CLAIM-VERIFIED").Select(f => f.Location!.Line).Order().ToList();
            Assert.Equal([4, 6], verified);
            Assert.DoesNotContain(result.Findings, f => f.RuleId != InfraRules.UndocumentedService && f.Message.Contains("debug", StringComparison.Ordinal));
            // The status document names web and never; the other declared services (the profiled one included) are undocumented.
            Assert.Equal(["cache", "debug", "done", "sick"], result.Findings.Where(f => f.RuleId == InfraRules.UndocumentedService)
                .Select(f => f.Properties["service"]).Order(StringComparer.Ordinal));

            var json = result.Artifacts.Single(a => a.Name == "infrastructure.json").Content;
            Assert.Contains("\"configured\": 5", json, StringComparison.Ordinal);
            Assert.Contains("\"deployed\": 2", json, StringComparison.Ordinal);
            var md = result.Artifacts.Single(a => a.Name == "infrastructure.md").Content;
            Assert.Contains("| Docker services (musterstack) | 6 (5 with enabled profiles) | 2 running healthy | 60% |", md, StringComparison.Ordinal);
            Assert.Contains("| AWS | integrated (claimed) | unverified | unverified |", md, StringComparison.Ordinal);
            Assert.Equal(1, result.Metrics["engine_reachable"]);
            var serverApi = (await engine.RunAsync("docker", ["version", "--format", "{{.Server.APIVersion}}"])).Trim();
            Assert.Contains($"\"apiVersion\": \"{serverApi}\"", json, StringComparison.Ordinal);
        }
        finally
        {
            await engine.RunAsync("docker", ["rm", "-f", "stray"]);
            await engine.RunAsync("docker-compose", ["-f", composeFile, "down", "-t", "1"], Path.GetDirectoryName(composeFile));
        }
    }

    [Fact]
    public async Task Enabled_profile_makes_its_service_expected()
    {
        using var ws = new InfraTestWorkspace();
        ws.Write("musterstack/docker-compose.yml", Compose);

        var result = await ws.AuditAsync(new() { ["docker-host"] = engine.Endpoint, ["profiles"] = "debug", ["compose"] = "musterstack/docker-compose.yml" });

        var missing = result.Findings.Where(f => f.RuleId == "MUSTER-INFRA-MISSING").Select(f => f.Properties["service"]).Order(StringComparer.Ordinal);
        Assert.Equal(["cache", "debug", "done", "never", "sick", "web"], missing);
        Assert.Equal(6, result.Metrics["services_expected"]);
    }

    private async Task WaitForAsync(string container, string format, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string state;
        while ((state = await engine.InspectAsync(container, format)) != expected)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"{container} stayed '{state}', expected '{expected}'");
            await Task.Delay(250);
        }
    }
}
