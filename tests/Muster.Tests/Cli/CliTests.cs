using System.Diagnostics;
using System.Text.Json;
using Muster.Cli;

namespace Muster.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<(int Code, string Out, string Err)> Muster(params string[] args) => CliRunner.RunAsync(args);

    [Fact]
    public async Task Audit_of_the_sample_ecosystem_writes_the_three_reports_and_the_continuation_file()
    {
        var sample = Path.Combine(_dir, "sample");
        var setup = Process.Start(new ProcessStartInfo("bash", [Path.Combine(RepoRoot(), "samples", "setup.sh"), sample]) { RedirectStandardOutput = true })!;
        await setup.WaitForExitAsync();
        Assert.Equal(0, setup.ExitCode);
        var output = Path.Combine(_dir, "out");

        var (code, stdout, stderr) = await Muster("audit", sample, "--output", output, "--fail-on", "none");

        Assert.True(code is 0 or 1, stderr);
        foreach (var file in new[] { "report.md", "report.json", "report.sarif", "CONTINUATION.md" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} missing; stderr:\n{stderr}");
        }
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("", stdout); // stdout stays clean for piping
        Assert.Contains("wrote", stderr, StringComparison.Ordinal);
        // The drift table and the gates are printed, not only written: the over-claiming status document stays unverified.
        Assert.Contains("| Component | Configured | Deployed | Gap |", stderr, StringComparison.Ordinal);
        Assert.Matches(@"ZIGGIE-ECOSYSTEM-MASTER-STATUS\.md:\d+ \| AWS: integrated \| .* \| UNVERIFIED \|", stderr);
        Assert.Contains("Quality gates:", stderr, StringComparison.Ordinal);
        // GitHub code scanning rejects a whole upload when any result lacks a location.
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.sarif")));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.True(r.TryGetProperty("locations", out var l) && l.GetArrayLength() == 1, r.GetProperty("ruleId").GetString()));
        // And with the official validator: the SARIF and GitHub ingestion rules, no error or warning.
        var verdict = await Reports.SarifMultitool.ValidateAsync(Path.Combine(output, "report.sarif"));
        Assert.True(verdict.Errors == 0 && verdict.Warnings == 0, verdict.ToString());
    }

    [Fact]
    public async Task A_bad_plan_exits_2_with_every_error_located_and_nothing_run()
    {
        var plan = Path.Combine(_dir, "plan.yaml");
        File.WriteAllText(plan, "name: p\nwaves:\n  - name: w\n    agents:\n      - {id: a, kind: nope}\n      - {id: a, kind: noop}\n");

        var (code, _, stderr) = await Muster("run", plan, "--root", _dir);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains($"{plan}:5:23: error: unknown agent kind 'nope'", stderr, StringComparison.Ordinal);
        Assert.Matches("known kinds: .*noop, .*sleep", stderr);
        Assert.Contains($"{plan}:6:14: error: duplicate agent id 'a'", stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was run", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, ".muster")));
    }

    [Fact]
    public async Task Usage_errors_exit_2()
    {
        Assert.Equal(ExitCodes.UsageError, (await Muster("audit", Path.Combine(_dir, "missing"))).Code);
        Assert.Equal(ExitCodes.UsageError, (await Muster("audit", _dir, "--format", "xml")).Code);
        Assert.Equal(ExitCodes.UsageError, (await Muster("audit", _dir, "--fail-on", "severe")).Code);
        Assert.Equal(ExitCodes.UsageError, (await Muster("frobnicate")).Code);
        Assert.Equal(ExitCodes.UsageError, (await Muster("run", Path.Combine(_dir, "none.yaml"))).Code);
    }

    [Fact]
    public async Task A_failed_exit_criterion_makes_the_exit_code_1_and_names_the_criterion()
    {
        var plan = Path.Combine(_dir, "plan.yaml");
        File.WriteAllText(plan, """
            name: p
            waves:
              - name: gate
                agents: [{id: s, kind: sleep, with: {duration: 10ms}}]
                exit: [{agents-done: [s]}, {min-success-rate: 1}]
              - name: then
                agents: [{id: t, kind: sleep, with: {duration: 5s}, timeout: {soft: 10ms, hard: 50ms}}]
                exit: [all-succeeded]
            """);

        var (code, _, stderr) = await Muster("run", plan, "--root", _dir, "--output", Path.Combine(_dir, "out"));

        Assert.Equal(ExitCodes.GateFailed, code);
        Assert.Contains("FAILED: wave 'then': all-succeeded failed (not succeeded: t (timed-out))", stderr, StringComparison.Ordinal);
        var report = File.ReadAllText(Path.Combine(_dir, "out", "report.md"));
        Assert.Contains("timed-out", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_show_prints_a_plan_that_plan_check_accepts()
    {
        var (code, yaml, _) = await Muster("plan", "show");
        Assert.Equal(0, code);
        var file = Path.Combine(_dir, "default.yaml");
        File.WriteAllText(file, yaml);

        var check = await Muster("plan", "check", file);

        Assert.Equal(0, check.Code);
        Assert.Contains("is valid", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_and_status_read_the_journal()
    {
        var plan = Path.Combine(_dir, "plan.yaml");
        File.WriteAllText(plan, "name: p\nwaves:\n  - name: w\n    agents: [{id: quick, kind: noop}]\n");
        Assert.Equal(0, (await Muster("run", plan, "--root", _dir, "--gate", "security=off", "--gate", "type-check=off", "--gate", "tests=off", "--gate", "documentation=off")).Code);
        var state = Path.Combine(_dir, ".muster");

        var runs = await Muster("runs", "--state", state);
        var status = await Muster("status", "--state", state);

        Assert.Matches(@"\d{8}-\d{6}-[0-9a-f]{4}\s+completed", runs.Out);
        Assert.Matches(@"quick\s+1 succeeded", status.Out);
        Assert.Matches(@"quick\s+1 succeeded\s+1\s+0\s+" + System.Text.RegularExpressions.Regex.Escape(Environment.MachineName) + " ", status.Out);
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Muster.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Muster.slnx not found above the test folder");
    }
}
