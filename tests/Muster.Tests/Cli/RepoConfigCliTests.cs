using System.Text.Json.Nodes;
using Muster.Runs.Config;

namespace Muster.Tests.Cli;

/// <summary>
/// muster.yaml and .musterignore through the command line: discovery up to the git root, --config, precedence
/// (command line > muster.yaml > plan > defaults), suppressions listed in report.md and report.json but not failing
/// the gates, expired entries, and muster init.
/// </summary>
public sealed class RepoConfigCliTests : IDisposable
{
    private readonly TempTree _repo = new();
    private readonly TempTree _state = new();

    public void Dispose()
    {
        _repo.Dispose();
        _state.Dispose();
    }

    // A privileged container (CRITICAL) and an unpinned image (MEDIUM) are what the config audit finds; the secrets
    // agent finds nothing and lets the security gate be evaluated.
    private const string Plan = """
        name: small
        gates: {tests: fail, type-check: off, documentation: off}
        waves:
          - name: scan
            agents: [{id: config, kind: config-audit}, {id: secrets, kind: secrets, with: {history: none}}]
        """;

    private const string Compose = "services:\n  app:\n    image: alpine:3.20\n    privileged: true\n    restart: always\n  web:\n    image: nginx\n    restart: always\n";

    private void Workspace(string folder = "")
    {
        Directory.CreateDirectory(Path.Combine(_repo.Path, ".git"));
        _repo.Write(Path.Combine(folder, "docker-compose.yml"), Compose);
        _repo.Write("plan.yaml", Plan);
    }

    private int _runs;

    private async Task<(int Code, string Err, JsonNode Report, string Markdown)> Audit(string path, params string[] extra)
    {
        var output = Path.Combine(_state.Path, "out" + ++_runs);
        var (code, _, err) = await CliRunner.RunAsync(["audit", path, "--state", Path.Combine(_state.Path, "s" + _runs), "--output", output, "--format", "json,md,html", .. extra]);
        var json = File.Exists(Path.Combine(output, "report.json")) ? JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json")))! : new JsonObject();
        var md = File.Exists(Path.Combine(output, "report.md")) ? await File.ReadAllTextAsync(Path.Combine(output, "report.md")) : "";
        return (code, err, json, md);
    }

    private static IEnumerable<string> Rules(JsonNode report, string array) => report[array]!.AsArray().Select(f => f!["ruleId"]!.GetValue<string>());

    private static IEnumerable<string> Listing(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(root, p)).Order(StringComparer.Ordinal);

    [Fact]
    public async Task Muster_yaml_is_found_from_a_subfolder_up_to_the_git_root_and_its_suppressions_are_listed_not_counted()
    {
        Workspace("services/api");
        _repo.Write("muster.yaml", "plan: plan.yaml\ngates: {tests: warn}\n");
        _repo.Write(".musterignore", """
            - rule: MUSTER-COMPOSE-001
              paths: ["services/**/docker-compose.yml"]
              reason: the api needs device access; reviewed by security
            - rule: MUSTER-COMPOSE-007
              paths: ["**"]
              reason: old entry
              expires: 2020-01-31
            """);
        var before = Listing(_repo.Path).ToList();

        var (code, err, report, md) = await Audit(Path.Combine(_repo.Path, "services", "api"));

        // The CRITICAL is suppressed (listed, not counted): the run passes; tests is WARN (muster.yaml over the plan's fail).
        Assert.True(code == 0, err);
        Assert.DoesNotContain("MUSTER-COMPOSE-001", Rules(report, "findings"));
        var suppressed = Assert.Single(report["suppressed"]!.AsArray())!;
        Assert.Equal(("MUSTER-COMPOSE-001", "CRITICAL", ".musterignore:1"),
            (suppressed["ruleId"]!.GetValue<string>(), suppressed["severity"]!.GetValue<string>(), suppressed["source"]!.GetValue<string>()));
        Assert.Equal("the api needs device access; reviewed by security", suppressed["reason"]!.GetValue<string>());
        Assert.Equal(0, report["totals"]!["findingsBySeverity"]!["CRITICAL"]!.GetValue<int>());
        Assert.Equal("warn", report["gates"]!.AsArray().Single(g => g!["id"]!.GetValue<string>() == "tests")!["mode"]!.GetValue<string>());
        // The expired entry suppresses nothing: the unpinned image is reported again, and the note says why.
        Assert.Contains("MUSTER-COMPOSE-007", Rules(report, "findings"));
        var note = Assert.Single(report["suppressionNotes"]!.AsArray())!.GetValue<string>();
        Assert.Contains(".musterignore:4: the entry for rule MUSTER-COMPOSE-007 in ** expired on 2020-01-31", note, StringComparison.Ordinal);
        Assert.Contains(note, err, StringComparison.Ordinal);
        Assert.Contains("## Suppressed", md, StringComparison.Ordinal);
        Assert.Contains("| CRITICAL | `MUSTER-COMPOSE-001` | `docker-compose.yml:4:17` | the api needs device access; reviewed by security | `.musterignore:1` rule MUSTER-COMPOSE-001 in services/\\*\\*/docker-compose.yml |", md, StringComparison.Ordinal);
        Assert.Contains("1 suppressed", err, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(_state.Path, "out" + _runs, "report.html"));
        Assert.Contains("<section id=\"suppressed\">", html, StringComparison.Ordinal);
        Assert.Contains("the api needs device access; reviewed by security</td><td><code>.musterignore:1</code>", html, StringComparison.Ordinal);
        // With --state elsewhere the audit writes nothing under the repository.
        Assert.Equal(before, Listing(_repo.Path));
    }

    [Fact]
    public async Task The_search_stops_at_the_git_root()
    {
        Workspace("repo");
        // The git root is repo/, whose parent holds a muster.yaml that would turn tests to warn.
        Directory.Move(Path.Combine(_repo.Path, ".git"), Path.Combine(_repo.Path, "repo", ".git"));
        _repo.Write("muster.yaml", "gates: {tests: warn}\n");
        _repo.Write("repo/plan.yaml", Plan);

        var (code, err, report, _) = await Audit(Path.Combine(_repo.Path, "repo"), "--plan", Path.Combine(_repo.Path, "repo", "plan.yaml"), "--fail-on", "none");

        Assert.Equal(1, code);
        Assert.Contains("FAILED: gate Tests not evaluated", err, StringComparison.Ordinal);
        Assert.Equal("fail", report["gates"]!.AsArray().Single(g => g!["id"]!.GetValue<string>() == "tests")!["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Precedence_is_command_line_over_muster_yaml_over_plan()
    {
        Workspace();
        _repo.Write("muster.yaml", "plan: plan.yaml\ngates: {tests: warn}\nfail-on: MEDIUM\n");

        // muster.yaml: tests warn (plan: fail), fail-on MEDIUM (default CRITICAL): the MEDIUM and the CRITICAL fail it.
        var fromConfig = await Audit(_repo.Path);
        Assert.Equal(1, fromConfig.Code);
        Assert.Contains("FAILED: --fail-on MEDIUM: 2 finding(s) at or above it", fromConfig.Err, StringComparison.Ordinal);
        Assert.Contains("WARN: gate Tests not evaluated", fromConfig.Err, StringComparison.Ordinal);

        // The command line wins over both: fail-on none, tests back to fail.
        var fromCli = await Audit(_repo.Path, "--fail-on", "none", "--gate", "tests=fail");
        Assert.Equal(1, fromCli.Code);
        Assert.DoesNotContain("--fail-on", fromCli.Err, StringComparison.Ordinal);
        Assert.Contains("FAILED: gate Tests not evaluated", fromCli.Err, StringComparison.Ordinal);

        var passing = await Audit(_repo.Path, "--fail-on", "none", "--gate", "verification=off", "--gate", "security=off");
        Assert.True(passing.Code == 0, passing.Err);
    }

    [Fact]
    public async Task Config_names_another_file_and_a_missing_one_is_a_usage_error()
    {
        Workspace();
        _repo.Write("muster.yaml", "plan: nowhere.yaml\n");
        _repo.Write("muster-ci.yaml", "plan: plan.yaml\ngates: {tests: off}\nexclude: [\"docker-compose.yml\"]\n");

        var (code, err, report, _) = await Audit(_repo.Path, "--config", Path.Combine(_repo.Path, "muster-ci.yaml"));
        Assert.True(code == 0, err);
        // The agents were told to exclude the file: nothing was found there, nothing needed suppressing.
        Assert.Empty(report["findings"]!.AsArray());
        Assert.Empty(report["suppressed"]!.AsArray());

        var missing = await Audit(_repo.Path, "--config", Path.Combine(_repo.Path, "nope.yaml"));
        Assert.Equal(2, missing.Code);
        Assert.Contains("config file '" + Path.Combine(_repo.Path, "nope.yaml") + "' not found", missing.Err, StringComparison.Ordinal);

        // The discovered muster.yaml names a plan that does not exist: an error at its line, nothing runs.
        var broken = await Audit(_repo.Path);
        Assert.Equal(2, broken.Code);
        Assert.Contains(Path.Combine(_repo.Path, "muster.yaml") + ":1:7: error: plan file 'nowhere.yaml' not found", broken.Err, StringComparison.Ordinal);
        Assert.Contains("nothing was run", broken.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fingerprint_entry_suppresses_that_finding_only()
    {
        Workspace();
        _repo.Write("muster.yaml", "plan: plan.yaml\n");
        var first = await Audit(_repo.Path, "--fail-on", "none");
        var unpinned = first.Report["findings"]!.AsArray().First(f => f!["ruleId"]!.GetValue<string>() == "MUSTER-COMPOSE-007")!["fingerprint"]!.GetValue<string>();
        _repo.Write(".musterignore", $"- fingerprint: {unpinned}\n  reason: nginx tracks mainline on purpose\n  expires: 2999-01-01\n- fingerprint: 0123abcd\n  reason: copied from another clone\n");

        var second = await Audit(_repo.Path, "--fail-on", "none");

        Assert.DoesNotContain("MUSTER-COMPOSE-007", Rules(second.Report, "findings"));
        Assert.Contains("MUSTER-COMPOSE-001", Rules(second.Report, "findings"));
        var entry = Assert.Single(second.Report["suppressed"]!.AsArray())!;
        Assert.Equal($"fingerprint {unpinned} (until 2999-01-01)", entry["entry"]!.GetValue<string>());
        // An entry that matched nothing says so (a secret's fingerprint from another clone never matches).
        var note = Assert.Single(second.Report["suppressionNotes"]!.AsArray())!.GetValue<string>();
        Assert.StartsWith(".musterignore:4: the entry for fingerprint 0123abcd matched no finding of this run", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_writes_a_commented_config_and_refuses_to_overwrite_it_without_force()
    {
        var (code, _, err) = await CliRunner.RunAsync("init", _repo.Path);
        Assert.True(code == 0, err);
        var file = Path.Combine(_repo.Path, RepoConfig.FileName);
        Assert.Equal(RepoConfigTemplate.Text + "\n", await File.ReadAllTextAsync(file));

        await File.WriteAllTextAsync(file, "fail-on: HIGH\n");
        var (again, _, againErr) = await CliRunner.RunAsync("init", _repo.Path);
        Assert.Equal(2, again);
        Assert.Contains($"{file} already exists; edit it, or pass --force", againErr, StringComparison.Ordinal);
        Assert.Equal("fail-on: HIGH\n", await File.ReadAllTextAsync(file));

        var (forced, _, forcedErr) = await CliRunner.RunAsync("init", _repo.Path, "--force");
        Assert.True(forced == 0, forcedErr);
        Assert.Equal(RepoConfigTemplate.Text + "\n", await File.ReadAllTextAsync(file));
    }
}
