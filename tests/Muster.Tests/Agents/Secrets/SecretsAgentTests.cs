using System.Diagnostics;
using System.Net.Sockets;
using Muster.Agents.Secrets;
using Muster.Model;
using Muster.SecretsCorpus;
using Muster.Tests.Workspace;

namespace Muster.Tests.Agents.Secrets;

public class SecretsAgentTests
{
    [Fact]
    public async Task Git_tracked_or_unignored_secrets_are_critical_and_ignored_ones_high()
    {
        using var tree = new TempTree();
        tree.Write(".gitignore", "ignored/\n");
        tree.Write("config/.env", "ANTHROPIC_API_KEY=" + Planted.Anthropic(1) + "\n");
        GitTestRepo.InitAndCommitAll(tree.Path);
        tree.Write("ignored/keys.txt", "token " + Planted.GitHub(2) + "\n");
        tree.Write("notes.txt", "github: " + Planted.GitHub(3) + "\n");

        var result = await SecretsAgentRunner.RunAsync(tree.Path);

        var tracked = Assert.Single(result.Secrets(), f => f.Location!.Path == "config/.env");
        Assert.Equal(Severity.Critical, tracked.Severity);
        Assert.Equal("secrets/anthropic-api-key", tracked.RuleId);
        Assert.Equal("tracked", tracked.Properties["git"]);
        Assert.Equal(new SourceLocation("config/.env", 1, 19), tracked.Location);
        Assert.Equal("security", tracked.Category);
        Assert.Contains("rotat", tracked.Remediation ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Severity.High, Assert.Single(result.Secrets(), f => f.Location!.Path == "ignored/keys.txt").Severity);
        var untracked = Assert.Single(result.Secrets(), f => f.Location!.Path == "notes.txt");
        Assert.Equal(Severity.Critical, untracked.Severity);
        Assert.Equal("untracked", untracked.Properties["git"]);
        var sensitive = Assert.Single(result.Findings, f => f.RuleId == SecretsAgent.SensitiveFileRuleId);
        Assert.Equal("config/.env", sensitive.Location!.Path);
        Assert.Contains("tracked by git", sensitive.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_git_gitignore_coverage_decides_between_critical_and_high()
    {
        using var tree = new TempTree();
        tree.Write(".gitignore", "local/\n");
        tree.Write("local/creds.yaml", "stripe: sk_live_" + SampleTemplate.Expand("{alnum:40}", 4) + "\n");
        tree.Write("app/settings.yaml", "stripe: sk_live_" + SampleTemplate.Expand("{alnum:40}", 5) + "\n");
        tree.Write("Keys-api/meowping-youtube-api.txt", Planted.GoogleApiKey(6) + "\n");

        var result = await SecretsAgentRunner.RunAsync(tree.Path);

        Assert.Equal(Severity.High, Assert.Single(result.Secrets(), f => f.Location!.Path == "local/creds.yaml").Severity);
        Assert.Equal(Severity.Critical, Assert.Single(result.Secrets(), f => f.Location!.Path == "app/settings.yaml").Severity);
        Assert.Equal(Severity.Critical, Assert.Single(result.Secrets(), f => f.Location!.Path == "Keys-api/meowping-youtube-api.txt").Severity);
        Assert.Contains(result.Findings, f => f.RuleId == SecretsAgent.SensitiveFileRuleId && f.Location!.Path == "Keys-api/meowping-youtube-api.txt");
        Assert.DoesNotContain(result.Findings, f => f.RuleId == SecretsAgent.SensitiveFileRuleId && f.Location!.Path == "local/creds.yaml");
        Assert.Contains("not a git work tree", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Placeholders_and_example_values_are_never_critical()
    {
        using var tree = new TempTree();
        tree.Write(".env.example", string.Join('\n',
            "ANTHROPIC_API_KEY=your-key-here",
            "OPENAI_API_KEY=sk-" + "proj-" + new string('x', 60),
            "AWS_ACCESS_KEY_ID=AKIA" + "IOSFODNN7EXAMPLE",
            "AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}",
            "GITHUB_TOKEN=<token>",
            "DB_PASSWORD=changeme",
            "STRIPE_KEY=sk_live_" + SampleTemplate.Expand("{alnum:40}", 8),
            ""));
        tree.Write("docs/setup.md", "Set `password: <your-password>` and `api_key: YOUR_API_KEY_HERE` and token " + "gh" + "p_" + new string('x', 36) + "\n");

        var result = await SecretsAgentRunner.RunAsync(tree.Path);

        Assert.DoesNotContain(result.Findings, f => f.Severity == Severity.Critical);
        var stripe = Assert.Single(result.Secrets());
        Assert.Equal("secrets/stripe-live-secret-key", stripe.RuleId);
        Assert.Equal(Severity.Medium, stripe.Severity);
        Assert.True(result.Metrics["placeholders"] >= 6);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == SecretsAgent.SensitiveFileRuleId);
    }

    [Fact]
    public async Task Passwords_in_prose_tables_and_aws_pairs_are_found()
    {
        using var tree = new TempTree();
        var aws = Planted.AwsSecret(21);
        tree.Write("CLOUD_CREDENTIALS.md", string.Join('\n',
            "# Credentials",
            "Database password: " + Planted.Password(22),
            "",
            "| Service | Setting | Value |",
            "|---|---|---|",
            "| Postgres | Admin password | " + Planted.Password(23) + " |",
            "",
            "AWS: " + Planted.AwsKeyId(24) + " / " + aws,
            ""));

        var result = await SecretsAgentRunner.RunAsync(tree.Path);

        var rules = result.Secrets().Select(f => (f.RuleId, f.Location!.Line)).ToList();
        Assert.True(rules.Contains(("secrets/generic-password", 2)), string.Join("; ", rules));
        Assert.Contains(("secrets/generic-password", 6), rules);
        Assert.Contains(("secrets/aws-access-key-id", 8), rules);
        Assert.Contains(("secrets/aws-secret-access-key", 8), rules);
        Assert.Equal(Redaction.Redact(aws), result.Secrets().Single(f => f.RuleId == "secrets/aws-secret-access-key").Evidence);
    }

    [Fact]
    public async Task Inline_allow_comments_suppress_a_finding()
    {
        using var tree = new TempTree();
        tree.Write("a.py", string.Join('\n',
            "A = '" + Planted.GitHub(31) + "'  # muster:allow",
            "B = '" + Planted.GitHub(32) + "'  # gitleaks:allow",
            "C = '" + Planted.GitHub(33) + "'  # pragma: allowlist secret",
            "D = '" + Planted.GitHub(34) + "'",
            ""));

        var result = await SecretsAgentRunner.RunAsync(tree.Path);

        var only = Assert.Single(result.Secrets());
        Assert.Equal(4, only.Location!.Line);
        Assert.Equal(3, result.Metrics["allow_listed"]);
    }

    [Fact]
    public async Task Configured_allow_rules_cover_paths_values_and_fingerprints()
    {
        using var tree = new TempTree();
        tree.Write("fixtures/keys.txt", Planted.GitHub(41) + "\n");
        tree.Write("a.txt", Planted.GitHub(42) + "\n");
        tree.Write("b.txt", Planted.GitHub(43) + "\n");
        tree.Write("c.txt", Planted.GitHub(44) + "\n");
        var first = await SecretsAgentRunner.RunAsync(tree.Path);
        var bFingerprint = first.Secrets().Single(f => f.Location!.Path == "b.txt").Fingerprint;

        var result = await SecretsAgentRunner.RunAsync(tree.Path, new Dictionary<string, object?>
        {
            ["allow-paths"] = new List<object?> { "fixtures/**" },
            ["allow-regexes"] = new List<object?> { "^" + Planted.GitHub(42)[..12] },
            ["allow-fingerprints"] = new List<object?> { bFingerprint },
        });

        Assert.Equal(["c.txt"], result.Secrets().Select(f => f.Location!.Path));
    }

    [Fact]
    public async Task Baseline_is_keyed_on_the_secret_not_the_line()
    {
        using var tree = new TempTree();
        var known = Planted.OpenAiProject(51);
        tree.Write("app.env", "OPENAI_API_KEY=" + known + "\n");
        var first = await SecretsAgentRunner.RunAsync(tree.Path);
        var baselinePath = Path.Combine(tree.Path, ".muster", "baseline.json");
        SecretsBaseline.Create(first.Findings).Save(baselinePath);
        Assert.DoesNotContain(known, File.ReadAllText(baselinePath), StringComparison.Ordinal);
        var settings = new Dictionary<string, object?> { ["baseline"] = ".muster/baseline.json" };

        tree.Write("app.env", "# moved down\n\n\nOPENAI_API_KEY=" + known + "\n");
        var moved = await SecretsAgentRunner.RunAsync(tree.Path, settings);
        Assert.NotEmpty(moved.Findings);
        Assert.All(moved.Findings, f => Assert.Equal(".muster/baseline.json", f.Properties[SuppressionMarks.BaselineFile]));
        Assert.True(moved.Metrics["baselined"] >= 1);

        var replacement = Planted.OpenAiProject(52);
        tree.Write("app.env", "# moved down\n\n\nOPENAI_API_KEY=" + replacement + "\n");
        var replaced = await SecretsAgentRunner.RunAsync(tree.Path, settings);
        var fresh = Assert.Single(replaced.Secrets(), f => !SuppressionMarks.IsBaselined(f));
        Assert.Equal(4, fresh.Location!.Line);
        Assert.Equal(Redaction.Redact(replacement), fresh.Evidence);
    }

    [Fact]
    public async Task Fingerprints_are_stable_across_runs_and_differ_per_salt()
    {
        using var tree = new TempTree();
        tree.Write("a.txt", Planted.GitHub(61) + "\n");

        var one = (await SecretsAgentRunner.RunAsync(tree.Path)).Secrets().Single().Fingerprint;
        var two = (await SecretsAgentRunner.RunAsync(tree.Path)).Secrets().Single().Fingerprint;
        var salted = (await SecretsAgentRunner.RunAsync(tree.Path, new Dictionary<string, object?> { ["salt"] = "other" })).Secrets().Single().Fingerprint;

        Assert.Equal(one, two);
        Assert.NotEqual(one, salted);
        Assert.True(File.Exists(Path.Combine(tree.Path, ".muster", "salt")));
    }

    [Fact]
    public async Task Unreadable_entries_and_fifos_become_scan_errors_not_crashes_or_hangs()
    {
        using var tree = new TempTree();
        tree.Write("ok.txt", Planted.GitHub(71) + "\n");
        // Root reads through any permission bits, so use entries no one can read as text: a socket cannot be opened
        // at all, and a FIFO with no writer would block a plain open forever.
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(tree.Path, "agent.sock")));
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(tree.Path, "pipe")))
        {
            mkfifo.WaitForExit();
        }

        var run = SecretsAgentRunner.RunAsync(tree.Path);
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.Same(run, finished);
        var result = await run;
        var errors = result.Findings.Where(f => f.RuleId == SecretsAgent.ScanErrorRuleId).OrderBy(f => f.Location!.Path, StringComparer.Ordinal).ToList();
        Assert.Equal(["agent.sock", "pipe"], errors.Select(e => e.Location!.Path));
        Assert.All(errors, e => Assert.Equal(Severity.Info, e.Severity));
        Assert.Equal(2, result.Metrics["scan_errors"]);
        Assert.Contains("2 not verified", result.Summary, StringComparison.Ordinal);
        Assert.Single(result.Secrets());
    }

    [Fact]
    public async Task Binary_files_are_counted_and_skipped()
    {
        using var tree = new TempTree();
        var bytes = new byte[4096];
        System.Text.Encoding.ASCII.GetBytes(Planted.GitHub(81)).CopyTo(bytes, 100);
        File.WriteAllBytes(Path.Combine(tree.Path, "blob.bin"), bytes);

        var result = await SecretsAgentRunner.RunAsync(tree.Path);

        Assert.Empty(result.Secrets());
        Assert.Equal(1, result.Metrics["binary_skipped"]);
    }

    [Fact]
    public async Task A_user_rule_file_extends_the_built_in_rules()
    {
        using var tree = new TempTree();
        tree.Write("rules.yaml", """
            rules:
              - id: acme-token
                description: ACME internal token
                keywords: [acme_]
                regex: '(acme_[0-9a-f]{24})'
                severity: high
                samples:
                  match: ['acme_{hex:24}']
                  no-match: ['acme_{hex:4}']
            disable: [github-pat]
            """);
        tree.Write("a.txt", SampleTemplate.Expand("acme_{hex:24}\n", 91) + Planted.GitHub(92) + "\n");

        var result = await SecretsAgentRunner.RunAsync(tree.Path, new Dictionary<string, object?> { ["rules"] = "rules.yaml" });

        var only = Assert.Single(result.Secrets());
        Assert.Equal("secrets/acme-token", only.RuleId);
        Assert.Equal(Severity.High, only.Severity);
    }
}
