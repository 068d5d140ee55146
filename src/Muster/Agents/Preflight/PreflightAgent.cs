using Muster.Model;

namespace Muster.Agents.Preflight;

/// <summary>
/// <c>muster preflight</c> as wave 0 of a plan: the same checks, failures turned into HIGH findings so the wave's
/// <c>max-findings</c> criterion can stop the run before the long waves start.
/// </summary>
internal sealed class PreflightAgent : IAgent
{
    public static readonly AgentDescriptor Descriptor =
        new("preflight", AgentRole.Verification,
            "Preflight as wave 0: folders, credentials by env var (format only), container engine, probe targets, status documents, journal room.",
            () => new PreflightAgent())
        {
            Settings = PreflightSettings.Docs,
            ValidateSettings = s => PreflightSettings.From(s),
            InDefaultPlan = false,
            SoftTimeout = TimeSpan.FromSeconds(30),
            HardTimeout = TimeSpan.FromMinutes(2),
        };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        context.Services.TryGet<PlanOverview>(out var plan);
        var settings = PreflightSettings.From(context.Settings);
        var extra = settings.Environment;
        var request = new PreflightRequest
        {
            Root = context.Root,
            Plan = plan,
            StateDirectory = settings.State is { } s ? Path.GetFullPath(s, context.Root) : null,
            OutputDirectory = settings.Output is { } o ? Path.GetFullPath(o, context.Root) : null,
            MinimumFreeBytes = settings.MinFreeMegabytes * 1024L * 1024,
            Time = context.Time,
            Environment = context.Environment.Get,
        };
        var checks = (await new PreflightRunner(request).RunAsync(cancellationToken)).ToList();
        checks.AddRange(extra.Select(name => PreflightRunner.CheckCredential(request, name, "the preflight agent's 'env' setting")));

        var findings = checks.Where(c => c.Outcome == PreflightOutcome.Fail).Select(c => new Finding
        {
            RuleId = "MUSTER-PREFLIGHT-FAIL",
            Title = $"Preflight failed: {c.Area}",
            Severity = Severity.High,
            Category = "preflight",
            Message = $"{c.Area} {c.Item}: {c.Detail}",
            Location = c.SourcePath is { } p ? new SourceLocation(p, c.SourceLine ?? 1) : null,
            Remediation = "Fix it before the long waves run (muster preflight PATH shows every item).",
            AgentId = context.AgentId,
            Properties = new Dictionary<string, string> { ["area"] = c.Area, ["item"] = c.Item },
        }.WithDefaultFingerprint($"{c.Area}:{c.Item}")).ToList();

        return new AgentResult
        {
            Findings = findings,
            Artifacts = [new Artifact("preflight.txt", "text/plain", string.Join('\n', checks) + "\n")],
            Summary = $"{checks.Count(c => c.Outcome == PreflightOutcome.Pass)} passed, {findings.Count} failed, {checks.Count(c => c.Outcome == PreflightOutcome.Info)} info.",
            Metrics = new Dictionary<string, double>
            {
                ["passed"] = checks.Count(c => c.Outcome == PreflightOutcome.Pass),
                ["failed"] = findings.Count,
            },
        };
    }
}
