using System.Diagnostics;
using System.Text.Json;
using Muster.Agents;
using Muster.Agents.ConfigAudit;
using Muster.Model;
using Muster.Tests.Agents.Secrets;
using Muster.Tests.Docker;

namespace Muster.Tests.Integrations;

/// <summary>
/// Issue 15: the repository's Dockerfile, built by the private dockerd the tests start. Its base images cannot be
/// pulled here, so the build uses stand-ins imported from this machine (<see cref="LocalBaseImages"/>) through the
/// Dockerfile's SDK and BASE build arguments; the restore inside the build stage uses the build's host network.
/// </summary>
[Collection(DockerEngineCollection.Name)]
public sealed class DockerImageTests(DockerEngineFixture engine)
{
    private const string Tag = "muster:test";

    [Fact]
    public async Task The_image_builds_from_the_dockerfile_runs_as_non_root_and_audits_a_mounted_folder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(engine.Folder, "image")).FullName;
        await LocalBaseImages.ImportAsync(engine, folder);

        var build = await Docker(TimeSpan.FromMinutes(20), "build", "--network", "host", "--build-arg", $"SDK={LocalBaseImages.Sdk}",
            "--build-arg", $"BASE={LocalBaseImages.RuntimeDeps}", "-t", Tag, Cli.CliTests.RepoRoot());
        Assert.True(build.Code == 0, build.Output);

        Assert.Equal("1654:1654", (await Docker(TimeSpan.FromMinutes(1), "inspect", "--format", "{{.Config.User}}", Tag)).Output.Trim());
        Assert.Equal("[/app/muster]", (await Docker(TimeSpan.FromMinutes(1), "inspect", "--format", "{{.Config.Entrypoint}}", Tag)).Output.Trim());
        var version = await Docker(TimeSpan.FromMinutes(1), "run", "--rm", "--network", "none", Tag, "--version");
        Assert.True(version.Code == 0, version.Output);
        Assert.Equal(MusterVersion.Current, version.Output.Trim());

        var sample = Directory.CreateDirectory(Path.Combine(folder, "sample")).FullName;
        File.WriteAllText(Path.Combine(sample, "settings.py"), "KEY = \"" + Planted.Anthropic(51) + "\"\n");
        File.WriteAllText(Path.Combine(sample, "README.md"), "# sample\n");
        var audit = await Docker(TimeSpan.FromMinutes(5), "run", "--rm", "--network", "none", "-v", $"{sample}:/src:ro", Tag,
            "audit", "/src", "--state", "/tmp/state", "--format", "json", "--output", "-", "--history", "none");

        Assert.True(audit.Code == 1, audit.Output);
        using var report = JsonDocument.Parse(audit.Stdout);
        var findings = report.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("ruleId").GetString() == "secrets/anthropic-api-key"
                                       && f.GetProperty("location").GetProperty("path").GetString() == "settings.py");
        Assert.DoesNotContain(Planted.Anthropic(51), audit.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Musters_own_config_audit_finds_nothing_at_medium_or_above_in_the_dockerfile()
    {
        var repository = Cli.CliTests.RepoRoot();
        var result = await ConfigAudit(repository);

        Assert.Equal(1, result.Metrics["dockerfiles"]);
        var dockerfile = result.Findings.Where(f => f.Location?.Path == "Dockerfile").ToList();
        Assert.DoesNotContain(dockerfile, f => f.Severity >= Severity.Medium);

        // The same file without its USER line and .dockerignore: the rules do read it.
        using var copy = new TempTree();
        copy.Write("Dockerfile", string.Join('\n', File.ReadAllLines(Path.Combine(repository, "Dockerfile")).Where(l => !l.StartsWith("USER ", StringComparison.Ordinal))));
        var unsafeResult = await ConfigAudit(copy.Path);
        Assert.Contains(unsafeResult.Findings, f => f.RuleId == "MUSTER-DOCKER-001");
        Assert.Contains(unsafeResult.Findings, f => f.RuleId == "MUSTER-DOCKER-010");
    }

    private static Task<AgentResult> ConfigAudit(string root) =>
        ConfigAuditAgent.Descriptor.Create().RunAsync(new AgentContext
        {
            RunId = "run-test",
            AgentId = "config-audit",
            Kind = "config-audit",
            Role = AgentRole.Scanner,
            Root = root,
            Settings = new AgentSettings(new Dictionary<string, object?> { ["include"] = new List<object?> { "Dockerfile", ".dockerignore" } }),
        }, CancellationToken.None);

    private async Task<(int Code, string Stdout, string Output)> Docker(TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = engine.Folder };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOCKER_HOST"] = engine.Endpoint;
        start.Environment["DOCKER_BUILDKIT"] = "0";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"docker {string.Join(' ', args)} did not finish in {timeout}: {await stderr}");
        }
        var output = await stdout;
        return (process.ExitCode, output, output + await stderr);
    }
}
