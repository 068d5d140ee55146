using Muster.Engine;
using Muster.Model;

namespace Muster.Tests.Reports;

/// <summary>
/// A fixed run that exercises every part of the reports: three waves (one with a failed criterion that continued,
/// one that stopped the run), agents in every state, findings of every severity, text that needs escaping.
/// </summary>
internal static class ReportFixture
{
    public const string Root = "/srv/audit/ziggie";
    public const int SecretSeed = 20251227;

    private static readonly DateTimeOffset Start = new(2025, 12, 27, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The planted secret; only its redacted form is in the outcome.</summary>
    public static string Secret => TestSecrets.AnthropicShaped(SecretSeed);

    public static RunOutcome Representative() => new()
    {
        RunId = "20251227-090000-a1b2",
        PlanName = "session-a | ecosystem audit",
        Root = Root,
        Status = RunStatus.Stopped,
        StopReason = "wave 'verification' failed exit criterion max-findings {severity: CRITICAL, count: 0}: 1 CRITICAL finding, limit 0",
        StartedAt = Start,
        FinishedAt = Start.AddMinutes(7).AddSeconds(42.5),
        Waves =
        [
            new WaveOutcome
            {
                Index = 0, Name = "research and scan", Status = WaveStatus.Passed,
                StartedAt = Start, FinishedAt = Start.AddMinutes(3),
                Criteria =
                [
                    new CriterionResult("min-success-rate: 0.5", true, "2 of 4 agents succeeded (0.50 ≥ 0.5)"),
                    new CriterionResult("agents-done: [env-scan, inventory]", true, "env-scan and inventory finished"),
                ],
            },
            new WaveOutcome
            {
                Index = 1, Name = "analysis", Status = WaveStatus.Failed, ContinueOnFail = true,
                StartedAt = Start.AddMinutes(3), FinishedAt = Start.AddMinutes(5),
                Criteria = [new CriterionResult("all-succeeded", false, "test-coverage ended skipped")],
            },
            new WaveOutcome
            {
                Index = 2, Name = "verification", Status = WaveStatus.Failed,
                StartedAt = Start.AddMinutes(5), FinishedAt = Start.AddMinutes(7).AddSeconds(42.5),
                Criteria =
                [
                    new CriterionResult("max-findings: {severity: CRITICAL, count: 0}", false, "1 CRITICAL finding, limit 0"),
                    new CriterionResult("agents-done: [gap-analysis]", true, "gap-analysis finished"),
                ],
            },
        ],
        Agents =
        [
            Agent("env-scan", "secret-scan", AgentRole.Scanner, 0, AgentState.Succeeded, 125) with
            {
                WentOverdue = true,
                Result = new AgentResult
                {
                    Summary = "Scanned 38 .env files; 1 live-looking key.",
                    Host = "workstation",
                    Findings = [SecretFinding()],
                    Metrics = new Dictionary<string, double> { ["files_scanned"] = 38 },
                },
            },
            Agent("tools-research", "web-research", AgentRole.Research, 0, AgentState.TimedOut, 120) with
            {
                Error = "hard timeout 00:02:00 passed; the agent was cancelled",
            },
            Agent("inventory", "workspace-inventory", AgentRole.Scanner, 0, AgentState.Succeeded, 4.25) with
            {
                Reused = true,
                Result = new AgentResult
                {
                    Summary = "185 files, 12.5 MB; 1 file over 256 KiB.",
                    Host = "workstation",
                    Artifacts = [new Artifact("inventory.md", "text/markdown", "| ext | files |\n| .md | 120 |\n")],
                    Findings =
                    [
                        new Finding
                        {
                            RuleId = "workspace/large-file", Title = "File too large to read whole",
                            Severity = Severity.Info, Category = "workspace",
                            Message = "Hi Ziggie.txt is 496 KiB; tools with a 256 KiB read limit must read it in chunks.",
                            Location = new SourceLocation("notes/Hi Ziggie.txt"),
                            Remediation = "Read it in 500-line chunks.", AgentId = "inventory",
                        }.WithDefaultFingerprint(),
                    ],
                },
            },
            Agent("compose-check", "compose-lint", AgentRole.Scanner, 0, AgentState.Failed, 0.8) with
            {
                Attempts = 3,
                Error = "InvalidOperationException: hostinger-vps/docker-compose.yml: unexpected key 'x|y'\nat line 12",
                Result = new AgentResult { Host = "vps1" },
            },
            Agent("architecture-review", "llm-review", AgentRole.Analysis, 1, AgentState.Succeeded, 61.5) with
            {
                Attempts = 2,
                Result = new AgentResult
                {
                    Summary = "Reviewed 4 master documents.",
                    Host = "vps1",
                    Metrics = new Dictionary<string, double>
                    {
                        ["tokens_in"] = 12000, ["tokens_out"] = 3400, ["cost_usd"] = 0.1234,
                    },
                    Findings =
                    [
                        new Finding
                        {
                            RuleId = "ci/missing-pipeline", Title = "No CI/CD pipeline",
                            Severity = Severity.High, Category = "delivery",
                            Message = "No workflow runs the tests before deployment.",
                            Location = new SourceLocation(".github/workflows"),
                            Remediation = "Add a workflow that runs the test suite on every push.",
                            AgentId = "architecture-review",
                        }.WithDefaultFingerprint(),
                        new Finding
                        {
                            RuleId = "docs/status-drift", Title = "Status claims *20/20* containers | reality differs",
                            Severity = Severity.Medium, Category = "verification",
                            Message = "Claimed 20/20 running;\nverified 6/7 with `docker ps` <b>only</b>.",
                            Location = new SourceLocation("ZIGGIE-ECOSYSTEM-MASTER-STATUS-V5.md", 42, 7),
                            Remediation = "Update the status document from `docker ps` output.",
                            AgentId = "architecture-review",
                            Properties = new Dictionary<string, string> { ["verified"] = "6", ["claimed"] = "20" },
                        }.WithDefaultFingerprint(),
                    ],
                },
            },
            Agent("test-coverage", "test-coverage", AgentRole.Analysis, 1, AgentState.Skipped, 0.01) with
            {
                Error = "no test runner found (looked for package.json, pytest.ini)",
            },
            Agent("gap-analysis", "gap-analysis", AgentRole.Verification, 2, AgentState.Succeeded, 90) with
            {
                Result = new AgentResult
                {
                    Summary = "42 gaps classified.",
                    Host = "workstation",
                    Metrics = new Dictionary<string, double> { ["tokens_in"] = 800 },
                    Findings =
                    [
                        new Finding
                        {
                            RuleId = "docs/naming", Title = "Inconsistent naming",
                            Severity = Severity.Low, Category = "documentation",
                            Message = "Two names for one service.",
                            Location = new SourceLocation("docs/retrospective/Ünïcode notes #1.md", 3),
                            AgentId = "gap-analysis",
                        }.WithDefaultFingerprint(),
                        new Finding
                        {
                            // No location and no fingerprint: a run-level observation.
                            RuleId = "gaps/summary", Title = "Gap count",
                            Severity = Severity.Info, Category = "verification",
                            Message = "42 gaps: 6 CRITICAL, 12 HIGH, 15 MEDIUM, 9 LOW.",
                            AgentId = "gap-analysis",
                        },
                    ],
                },
            },
            Agent("deps-audit", "dependency-audit", AgentRole.Verification, 2, AgentState.Cancelled, 30) with
            {
                Error = "OperationCanceledException: the run stopped",
            },
            Agent("claims-check", "claims-check", AgentRole.Verification, 2, AgentState.Overdue, 200) with
            {
                WentOverdue = true, FinishedAt = null, Result = new AgentResult { Host = "vps1" },
            },
            Agent("network-probe", "network-probe", AgentRole.Verification, 2, AgentState.Running, 12) with
            {
                FinishedAt = null, Result = new AgentResult { Host = "aws|eu-1" },
            },
            Agent("docs-check", "docs-check", AgentRole.Verification, 2, AgentState.Pending, 0) with
            {
                Attempts = 0, StartedAt = null, FinishedAt = null,
            },
        ],
    };

    private static Finding SecretFinding()
    {
        var secret = Secret;
        const string path = "config/.env";
        return new Finding
        {
            RuleId = "secrets/anthropic-api-key",
            Title = "Anthropic API key in plaintext",
            Severity = Severity.Critical,
            Category = "secrets",
            Message = "An Anthropic API key is stored in plaintext.",
            Location = new SourceLocation(path, 3, 19),
            Evidence = "ANTHROPIC_API_KEY=" + Redaction.Redact(secret),
            Remediation = "Rotate the key now, then move it to a secrets manager.",
            AgentId = "env-scan",
            Fingerprint = Fingerprints.ForSecret("fixture-salt", "secrets/anthropic-api-key", path, secret),
        };
    }

    private static AgentOutcome Agent(string id, string kind, AgentRole role, int wave, AgentState state, double seconds) => new()
    {
        AgentId = id,
        Kind = kind,
        Role = role,
        WaveIndex = wave,
        State = state,
        Attempts = 1,
        StartedAt = Start.AddMinutes(wave * 2.5),
        FinishedAt = Start.AddMinutes(wave * 2.5).AddSeconds(seconds),
        Duration = TimeSpan.FromSeconds(seconds),
    };
}
