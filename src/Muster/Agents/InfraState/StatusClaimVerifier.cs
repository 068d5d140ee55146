using System.Globalization;
using System.Text.RegularExpressions;
using Muster.Agents.InfraState.Probes;
using Muster.Formats.Compose;
using Muster.Formats.Markdown;
using Muster.Formats.Services;
using Muster.Model;

namespace Muster.Agents.InfraState;

/// <summary>
/// Checks each status-document claim against what was declared and observed. A claim is verified, drifted (both numbers
/// given) or unverified (nothing could check it): never reported as fine without evidence.
/// </summary>
internal sealed partial class StatusClaimVerifier(
    IReadOnlyList<ComposeProject> projects,
    IReadOnlyList<ServiceReality> services,
    EngineSnapshot snapshot,
    ServiceManifest manifest,
    IReadOnlyList<ProbeResult> probes)
{
    [GeneratedRegex(@"\b(aws|azure|gcp|google cloud|s3|ec2|lambda|cloudfront|rds|mcp|api keys?|agents?|secrets manager|github actions|ci/cd|dns|ssl)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalSubject();

    [GeneratedRegex(@"\b(containers?|docker|compose|stack|services?|vps|infrastructure|pods?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContainerSubject();

    public List<ClaimVerdict> Verdicts { get; } = [];

    public IEnumerable<Finding> Verify(IReadOnlyList<StatusClaim> claims) => claims.Select(Verify).ToList();

    private Finding Verify(StatusClaim claim)
    {
        var verdict = Classify(claim) switch
        {
            ("manifest", var name) => VerifyManifest(claim, name!),
            ("service", var name) => VerifyService(claim, name!),
            ("containers", _) => VerifyContainers(claim),
            _ => new ClaimVerdict(claim, Verdict.Unverified, "external", claim.Describe(), "nothing to check it with",
                $"Claim \"{claim.Describe()}\" about '{claim.Subject}' cannot be verified: no compose service, container or declared probe covers it."),
        };
        Verdicts.Add(verdict);
        return ToFinding(verdict);
    }

    private (string Scope, string? Name) Classify(StatusClaim claim)
    {
        var manifestMatches = manifest.Services.Where(s => s.Matches(claim.Subject)).ToList();
        if (manifestMatches.Count > 0) return ("manifest", claim.Subject);
        var named = services.Select(s => s.Service.Name).Distinct(StringComparer.Ordinal)
            .FirstOrDefault(n => Regex.IsMatch(claim.Subject, $@"(?<![\w-]){Regex.Escape(n)}(?![\w-])", RegexOptions.IgnoreCase));
        if (named is not null) return ("service", named);
        if (ExternalSubject().IsMatch(claim.Subject)) return ("external", null);
        if (claim.Kind is ClaimKind.Checklist or ClaimKind.StatusMarker && !ContainerSubject().IsMatch(claim.Subject)) return ("external", null);
        if (ContainerSubject().IsMatch(claim.Subject) || ContainerSubject().IsMatch(claim.Text)) return ("containers", null);
        return ("external", null);
    }

    private ClaimVerdict VerifyContainers(StatusClaim claim)
    {
        var declared = projects.Sum(p => p.Services.Count);
        var needsEngine = claim.Running is not null || claim.Total is not null || claim.Deployed is not null || claim.Status is not null;
        var mismatches = new List<(string Text, bool Over)>();
        var observed = new List<string>();
        if (claim.Configured is { } configured)
        {
            if (projects.Count == 0)
            {
                return new ClaimVerdict(claim, Verdict.Unverified, "containers", claim.Describe(), "no compose file",
                    $"Claim \"{claim.Describe()}\" cannot be verified: no compose file in the workspace declares the stack.");
            }
            observed.Add($"{declared} declared in {string.Join(", ", projects.SelectMany(p => p.Files))}");
            if (configured != declared) mismatches.Add(($"claimed {configured} configured; compose declares {declared}", configured > declared));
        }
        if (needsEngine)
        {
            if (!snapshot.Reachable)
            {
                if (mismatches.Count > 0)
                {
                    // the file-checkable part already drifts; say so, and that the rest is unverified
                    mismatches.Add(("what runs is UNVERIFIED (engine unreachable)", false));
                    return Result(claim, "containers", mismatches, observed);
                }
                return new ClaimVerdict(claim, Verdict.Unverified, "containers", claim.Describe(), "engine unreachable",
                    $"Claim \"{claim.Describe()}\" cannot be verified: no container engine answered ({snapshot.Error}).");
            }
            var pool = projects.Count > 0 ? services.SelectMany(s => s.Containers).DistinctBy(c => c.Id).ToList() : snapshot.Containers.ToList();
            var found = pool.Count;
            var running = pool.Count(c => c.IsRunning);
            var unhealthy = pool.Count(c => c.IsRunning && c.Health == "unhealthy");
            observed.Add($"{running} of {found} found running" + (unhealthy > 0 ? $" ({unhealthy} unhealthy)" : ""));
            if (claim.Running is { } r)
            {
                var absent = Math.Max(0, (claim.Total ?? r) - found);
                if (absent > 0) observed.Add($"{absent} absent");
                if (r != running || (claim.Total is { } t && t != found))
                {
                    mismatches.Add((claim.Total is { } total
                        ? $"claimed {r}/{total} running; verified {running} of {found} found" + (absent > 0 ? $"; {absent} absent" : "")
                        : $"claimed {r} running; verified {running} of {found} found", r > running || (claim.Total ?? 0) > found));
                }
            }
            if (claim.Deployed is { } d && d != found) mismatches.Add(($"claimed {d} deployed; verified {found} containers exist", d > found));
            if (claim.Running is null && claim.Deployed is null && claim.Status is "running" or "deployed" or "integrated" or "active")
            {
                var expected = services.Where(s => s.Expected).ToList();
                var up = expected.Count(s => s.FullyUp);
                if (expected.Count == 0 ? found == 0 : up < expected.Count)
                {
                    mismatches.Add(($"claimed {claim.Status}; {up} of {expected.Count} expected services run healthy", true));
                }
            }
        }
        return Result(claim, "containers", mismatches, observed);
    }

    private ClaimVerdict VerifyService(StatusClaim claim, string name)
    {
        if (!snapshot.Reachable)
        {
            return new ClaimVerdict(claim, Verdict.Unverified, "service", claim.Describe(), "engine unreachable",
                $"Claim \"{claim.Describe()}\" about service '{name}' cannot be verified: no container engine answered ({snapshot.Error}).");
        }
        var mine = services.Where(s => s.Service.Name == name).ToList();
        var containers = mine.SelectMany(s => s.Containers).ToList();
        var healthy = containers.Count(c => c.IsRunning && c.IsHealthyOrUnchecked);
        var state = containers.Count == 0 ? "no container" : string.Join(", ", containers.Select(Describe));
        var mismatches = new List<(string Text, bool Over)>();
        var wantsRunning = claim.Status is not "deployed" || claim.Running is not null;
        if (wantsRunning && healthy == 0) mismatches.Add(($"claimed {claim.Describe()}; service '{name}': {state}", true));
        if (!wantsRunning && containers.Count == 0) mismatches.Add(($"claimed deployed; service '{name}' has no container", true));
        return Result(claim, "service", mismatches, [$"{name}: {state}"]);
    }

    private ClaimVerdict VerifyManifest(StatusClaim claim, string subject)
    {
        var declared = manifest.Services.Where(s => s.Matches(subject)).ToList();
        var outcomes = declared.Select(d => Passes(d, probes, services, snapshot)).ToList();
        if (outcomes.Any(o => o is null))
        {
            return new ClaimVerdict(claim, Verdict.Unverified, "probes", claim.Describe(), "engine unreachable",
                $"Claim \"{claim.Describe()}\" about '{subject}' cannot be verified: it depends on compose services and no container engine answered ({snapshot.Error}).");
        }
        var passing = outcomes.Count(o => o == true);
        var mismatches = new List<(string Text, bool Over)>();
        if (claim.Configured is { } c && c != declared.Count) mismatches.Add(($"claimed {c} configured; muster.services.yaml declares {declared.Count}", c > declared.Count));
        if (claim.Running is { } r && r != passing) mismatches.Add(($"claimed {r} running; {passing} of {declared.Count} pass their probes", r > passing));
        if (claim.Deployed is { } d && d != passing) mismatches.Add(($"claimed {d} deployed; {passing} of {declared.Count} pass their probes", d > passing));
        if (claim.Running is null && claim.Deployed is null && claim.Configured is null && passing < declared.Count)
        {
            mismatches.Add(($"claimed {claim.Status}; {passing} of {declared.Count} pass their probes", true));
        }
        return Result(claim, "probes", mismatches, [$"{passing} of {declared.Count} declared probes pass"]);
    }

    /// <summary>
    /// Whether a declared service is up: all its probes pass and, when it names a compose service, that service runs
    /// healthy. Null when it names a compose service and the engine could not be read.
    /// </summary>
    internal static bool? Passes(DeclaredService service, IReadOnlyList<ProbeResult> probes, IReadOnlyList<ServiceReality> services, EngineSnapshot snapshot)
    {
        var mine = probes.Where(p => p.Service == service.Name).ToList();
        if (mine.Any(p => !p.Passed)) return false;
        if (service.ComposeService is { } composeName)
        {
            if (!snapshot.Reachable) return null;
            return services.Any(s => s.Service.Name == composeName && s.FullyUp);
        }
        return mine.Count > 0;
    }

    private static ClaimVerdict Result(StatusClaim claim, string scope, List<(string Text, bool Over)> mismatches, List<string> observed) =>
        mismatches.Count > 0
            ? new ClaimVerdict(claim, Verdict.Drifted, scope, claim.Describe(), string.Join("; ", observed), string.Join("; ", mismatches.Select(m => m.Text)))
            {
                OverClaim = mismatches.Any(m => m.Over),
            }
            : new ClaimVerdict(claim, Verdict.Verified, scope, claim.Describe(), string.Join("; ", observed),
                $"Claim \"{claim.Describe()}\" matches what was observed: {string.Join("; ", observed)}.");

    private static string Describe(ContainerObservation c) =>
        c.State + (c.ExitCode is { } e ? $" (exit {e})" : "") + (c.Health is { } h ? $" ({h})" : "");

    private Finding ToFinding(ClaimVerdict v)
    {
        var claim = v.Claim;
        var props = new Dictionary<string, string>
        {
            ["verdict"] = v.Verdict.ToString().ToLowerInvariant(),
            ["scope"] = v.Scope,
            ["subject"] = claim.Subject,
            ["claimed"] = v.Claimed,
            ["verified"] = v.Verdict == Verdict.Unverified ? "unverified" : v.Observed,
            ["claim_kind"] = claim.Kind.ToString(),
        };
        void Add(string key, int? value)
        {
            if (value is { } n) props[key] = n.ToString(CultureInfo.InvariantCulture);
        }
        Add("claimed_running", claim.Running);
        Add("claimed_total", claim.Total);
        Add("claimed_configured", claim.Configured);
        Add("claimed_deployed", claim.Deployed);
        var location = new SourceLocation(claim.File, claim.Line);
        var overClaim = v.OverClaim;
        return v.Verdict switch
        {
            Verdict.Verified => ServiceDriftAnalyzer.Make(InfraRules.ClaimVerified, Severity.Info, $"Claim verified: {claim.Subject}",
                v.Message, "None needed.", location, props, claim.Text),
            Verdict.Drifted => ServiceDriftAnalyzer.Make(InfraRules.ClaimDrift, overClaim ? Severity.High : Severity.Medium,
                $"Status claim drifts from reality: {claim.Subject}", v.Message + ".",
                "Correct the status document to what runs, or bring the infrastructure up to what it claims; verify with `docker ps` before documenting.",
                location, props, claim.Text),
            _ => ServiceDriftAnalyzer.Make(InfraRules.Unverified, v.Observed == "engine unreachable" ? Severity.High : Severity.Medium,
                $"Status claim UNVERIFIED: {claim.Subject}", v.Message,
                v.Observed == "engine unreachable"
                    ? "Run the audit where the container engine is reachable (DOCKER_HOST or the docker-host setting), or remove the claim."
                    : $"Declare a probe for it in muster.services.yaml (aliases: [\"{claim.Subject}\"]) so it can be checked, or remove the claim.",
                location, props, claim.Text),
        };
    }
}
