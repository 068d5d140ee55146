using System.Security.Cryptography;
using System.Text;
using Muster.Agents.Secrets;
using Muster.Tests.TestSupport;

namespace Muster.Tests.Leaks;

/// <summary>
/// Issue 11: a user's rule file (<c>--set rules=FILE</c>, the secrets agent's <c>rules:</c>) also feeds the scrubber
/// that cleans every other agent's text, the journal and the reports; it used to hold the built-in rules only.
/// </summary>
public sealed class UserRulesScrubberTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-user-rules-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal const string Rules = """
        rules:
          - id: acme-token
            description: ACME internal token
            keywords: [acme_]
            regex: '(acme_[0-9a-f]{24})'
            severity: high
            samples:
              match: ['acme_{hex:24}']
              no-match: ['acme_{hex:4}']
        """;

    /// <summary>A plan whose only agent is a tool quoting the token: the secrets agent never sees it, so nothing teaches the scrubber.</summary>
    private static string Plan(string rulesSetting) => $$"""
        name: user-rules
        waves:
          - name: tools
            agents:
              - id: lint
                kind: command
                with: {program: sh, args: ["-c", "cat tool.txt"], parser: regex, pattern: '^(?<file>[^:]+):(?<line>\d+): (?<severity>\w+): (?<message>.*)$'}
          {{rulesSetting}}
        """;

    [Theory]
    [InlineData("command line")]
    [InlineData("plan")]
    public async Task A_value_only_a_user_rule_matches_is_redacted_in_another_agents_findings_the_journal_and_the_reports(string ruleSource)
    {
        var token = "acme_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var root = Directory.CreateDirectory(Path.Combine(_dir, "root")).FullName;
        var line = $"app.py:3: warning: deploy key {token} in the script";
        Assert.Equal(line, new RuleBasedSecretScrubber().Scrub(line)); // no built-in rule matches it
        File.WriteAllText(Path.Combine(root, "tool.txt"), line + "\n");
        File.WriteAllText(Path.Combine(root, "acme-rules.yaml"), Rules);
        var viaPlan = ruleSource == "plan";
        var plan = Path.Combine(_dir, "plan.yaml");
        File.WriteAllText(plan, Plan(viaPlan
            ? "- name: secrets\n    agents: [{id: secrets, kind: secrets, with: {rules: acme-rules.yaml, include: ['*.yaml']}}]"
            : ""));
        var state = Path.Combine(_dir, "state");
        var output = Path.Combine(_dir, "out");
        string[] rulesArgument = viaPlan ? [] : ["--set", "rules=" + Path.Combine(root, "acme-rules.yaml")];

        var (code, _, stderr) = await CliRunner.RunAsync(["run", plan, "--root", root, "--state", state, "--output", output, "--fail-on", "none", .. rulesArgument]);

        Assert.True(code is 0 or 1, stderr);
        var report = File.ReadAllText(Path.Combine(output, "report.json"));
        Assert.Contains("deploy key acme_", report, StringComparison.Ordinal);
        LeakCheck.AssertNone(report, token, "report.json");
        LeakCheck.AssertNone(File.ReadAllText(Path.Combine(output, "report.md")), token, "report.md");
        var journal = Encoding.UTF8.GetString(Directory.GetFiles(state, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(Path.Combine(state, "reports"), StringComparison.Ordinal))
            .SelectMany(File.ReadAllBytes).ToArray());
        Assert.Contains("deploy key acme_", journal, StringComparison.Ordinal);
        LeakCheck.AssertNone(journal, token, "the journal");
    }

    [Fact]
    public async Task A_resumed_run_redacts_with_the_user_rule_file_the_interrupted_run_was_given()
    {
        var token = "acme_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var root = Directory.CreateDirectory(Path.Combine(_dir, "root")).FullName;
        File.WriteAllText(Path.Combine(root, "tool.txt"), $"app.py:3: warning: deploy key {token} in the script\n");
        var rules = Path.Combine(_dir, "acme-rules.yaml");
        File.WriteAllText(rules, Rules);
        var plan = Path.Combine(_dir, "plan.yaml");
        // The tool fails until the go file exists: the first run ends with the agent failed, the resume runs it again.
        File.WriteAllText(plan, Plan("").Replace("cat tool.txt", "test -f go && cat tool.txt", StringComparison.Ordinal));
        var state = Path.Combine(_dir, "state");
        var first = Path.Combine(_dir, "first");

        var (code, stdout, stderr) = await CliRunner.RunAsync(["run", plan, "--root", root, "--state", state, "--output", first, "--fail-on", "none",
            "--set", "rules=" + rules]);
        Assert.True(code is 0 or 1, stderr);
        var runId = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(first, "report.json"))).RootElement.GetProperty("run").GetProperty("id").GetString()!;
        File.WriteAllText(Path.Combine(root, "go"), "");
        var output = Path.Combine(_dir, "out");

        (code, _, stderr) = await CliRunner.RunAsync(["resume", runId, "--state", state, "--output", output, "--fail-on", "none"]);

        Assert.True(code is 0 or 1, stdout + stderr);
        var report = File.ReadAllText(Path.Combine(output, "report.json"));
        Assert.Contains("deploy key acme_", report, StringComparison.Ordinal);
        LeakCheck.AssertNone(report, token, "report.json");
        var journal = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(state, "journal.db")));
        LeakCheck.AssertNone(journal, token, "the journal");
    }

    /// <summary>
    /// The baseline's only agent is the secrets agent, which learns the values it finds; a value only a user rule
    /// matches that sits in a finding's path (a folder named after a token) is redacted by the run's rules alone.
    /// </summary>
    [Theory]
    [InlineData("command line")]
    [InlineData("muster.yaml")]
    public async Task A_baseline_redacts_a_value_only_a_user_rule_matches_in_every_file_it_writes(string ruleSource)
    {
        var token = "acme_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var root = Directory.CreateDirectory(Path.Combine(_dir, "root")).FullName;
        var folder = Directory.CreateDirectory(Path.Combine(root, "keys-" + token)).FullName;
        File.WriteAllText(Path.Combine(folder, "deploy.env"), $"GITHUB_TOKEN={Agents.Secrets.Planted.GitHub(11)}\n");
        File.WriteAllText(Path.Combine(_dir, "acme-rules.yaml"), Rules);
        string[] rulesArgument = ["--set", "rules=" + Path.Combine(_dir, "acme-rules.yaml")];
        if (ruleSource == "muster.yaml")
        {
            File.Copy(Path.Combine(_dir, "acme-rules.yaml"), Path.Combine(root, "acme-rules.yaml"));
            File.WriteAllText(Path.Combine(root, "muster.yaml"), "agents:\n  secrets:\n    rules: acme-rules.yaml\n");
            rulesArgument = [];
        }
        var target = Path.Combine(_dir, "baseline.json");

        var (code, _, stderr) = await CliRunner.RunAsync(["baseline", root, "--baseline-file", target, .. rulesArgument]);

        Assert.True(code == 0, stderr);
        Assert.Contains("baseline of ", stderr, StringComparison.Ordinal);
        Assert.Contains("keys-acme_", File.ReadAllText(target), StringComparison.Ordinal);
        var written = Directory.GetFiles(Path.Combine(root, ".muster"), "*", SearchOption.AllDirectories).Append(target).ToList();
        Assert.Contains(written, f => f.EndsWith("report.json", StringComparison.Ordinal));
        foreach (var file in written) LeakCheck.AssertNone(Encoding.UTF8.GetString(File.ReadAllBytes(file)), token, file);
    }
}
