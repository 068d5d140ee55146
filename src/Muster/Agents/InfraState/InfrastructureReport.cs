using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Muster.Agents.InfraState.Probes;
using Muster.Formats.Compose;
using Muster.Formats.Services;
using Muster.Model;

namespace Muster.Agents.InfraState;

/// <summary>
/// The seed's "Component | Configured | Deployed | Gap" table (infrastructure.md) and the same data as JSON
/// (infrastructure.json) so reports can render it. Deployed is "unverified" whenever it could not be observed.
/// </summary>
internal static class InfrastructureReport
{
    internal sealed record Component(string Name, int? Configured, string ConfiguredText, int? Deployed, string DeployedText, string Source)
    {
        public double? GapPercent => Configured is > 0 && Deployed is { } d ? Math.Round(100.0 * Math.Max(0, Configured.Value - d) / Configured.Value, 1) : null;
        public string GapText => GapPercent is { } g ? g.ToString("0.#", CultureInfo.InvariantCulture) + "%" : Deployed is null ? "unverified" : "-";
    }

    public static List<Component> Components(IReadOnlyList<ComposeProject> projects, IReadOnlyList<ServiceReality> services, EngineSnapshot snapshot,
        ServiceManifest manifest, IReadOnlyList<ProbeResult> probes, IReadOnlyList<ClaimVerdict> verdicts)
    {
        var list = new List<Component>();
        foreach (var project in projects)
        {
            var mine = services.Where(s => s.Project == project).ToList();
            var expected = mine.Count(s => s.Expected);
            var configuredText = expected == project.Services.Count
                ? project.Services.Count.ToString(CultureInfo.InvariantCulture)
                : $"{project.Services.Count} ({expected} with enabled profiles)";
            int? running = snapshot.Reachable ? mine.Where(s => s.Expected).Sum(s => Math.Min(s.RunningHealthy, s.Service.ExpectedContainers) > 0 ? 1 : 0) : null;
            list.Add(new Component($"Docker services ({project.Name})", expected, configuredText, running,
                running is { } r ? $"{r} running healthy" : "unverified (engine unreachable)", string.Join(" + ", project.Files)));
        }
        if (manifest.Services.Count > 0)
        {
            var outcomes = manifest.Services.Select(s => StatusClaimVerifier.Passes(s, probes, services, snapshot)).ToList();
            int? passing = outcomes.Any(o => o is null) ? null : outcomes.Count(o => o == true);
            list.Add(new Component("Declared probes (muster.services.yaml)", manifest.Services.Count, manifest.Services.Count.ToString(CultureInfo.InvariantCulture),
                passing, passing is { } n ? $"{n} passing" : "unverified (engine unreachable)", ServiceManifest.FileName));
        }
        foreach (var group in verdicts.Where(v => v.Scope == "external").GroupBy(v => v.Claim.Subject, StringComparer.OrdinalIgnoreCase))
        {
            var claim = group.First().Claim;
            var configured = group.Select(v => v.Claim.Configured).FirstOrDefault(c => c is not null);
            var claimed = string.Join("; ", group.Select(v => v.Claimed).Distinct());
            list.Add(new Component(claim.Subject, null, configured is { } c ? $"{c} (claimed)" : $"{claimed} (claimed)", null, "unverified",
                string.Join(", ", group.Select(v => $"{v.Claim.File}:{v.Claim.Line}").Distinct())));
        }
        return list;
    }

    public static Artifact Markdown(List<Component> components, IReadOnlyList<ClaimVerdict> verdicts, EngineSnapshot snapshot, IReadOnlyList<ProbeResult> probes)
    {
        var md = new StringBuilder();
        md.Append("# Infrastructure: configured vs deployed\n\n");
        md.Append(snapshot.Reachable
            ? $"Container engine: {snapshot.Endpoint} (engine {snapshot.EngineVersion}, API {snapshot.ApiVersion}), {snapshot.Containers.Count} containers.\n\n"
            : $"Container engine: UNREACHABLE ({Cell(snapshot.Error ?? "")}). Nothing that depends on it is verified.\n\n");
        md.Append("| Component | Configured | Deployed | Gap |\n|-----------|------------|----------|-----|\n");
        foreach (var c in components) md.Append($"| {Cell(c.Name)} | {Cell(c.ConfiguredText)} | {Cell(c.DeployedText)} | {c.GapText} |\n");
        if (verdicts.Count > 0)
        {
            md.Append("\n## Status-document claims\n\n| Where | Claim | Observed | Verdict |\n|-------|-------|----------|---------|\n");
            foreach (var v in verdicts)
            {
                md.Append($"| {v.Claim.File}:{v.Claim.Line} | {Cell(v.Claim.Subject)}: {Cell(v.Claimed)} | {Cell(v.Observed)} | {v.Verdict.ToString().ToUpperInvariant()} |\n");
            }
        }
        if (probes.Count > 0)
        {
            md.Append("\n## Probes\n\n| Service | Kind | Target | Result |\n|---------|------|--------|--------|\n");
            foreach (var p in probes) md.Append($"| {Cell(p.Service)} | {p.Kind} | {Cell(p.Target)} | {(p.Passed ? "pass" : "FAIL")}: {Cell(p.Detail)} |\n");
        }
        return new Artifact("infrastructure.md", "text/markdown", md.ToString());
    }

    public static Artifact Json(List<Component> components, IReadOnlyList<ClaimVerdict> verdicts, EngineSnapshot snapshot, IReadOnlyList<ProbeResult> probes)
    {
        var root = new JsonObject
        {
            ["engine"] = new JsonObject
            {
                ["reachable"] = snapshot.Reachable,
                ["endpoint"] = snapshot.Endpoint,
                ["apiVersion"] = snapshot.ApiVersion,
                ["engineVersion"] = snapshot.EngineVersion,
                ["error"] = snapshot.Error,
                ["containers"] = snapshot.Containers.Count,
            },
            ["components"] = new JsonArray(components.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["configured"] = c.Configured,
                ["configuredText"] = c.ConfiguredText,
                ["deployed"] = c.Deployed,
                ["deployedText"] = c.DeployedText,
                ["gapPercent"] = c.GapPercent,
                ["verified"] = c.Deployed is not null,
                ["source"] = c.Source,
            }).ToArray()),
            ["claims"] = new JsonArray(verdicts.Select(v => (JsonNode)new JsonObject
            {
                ["file"] = v.Claim.File,
                ["line"] = v.Claim.Line,
                ["subject"] = v.Claim.Subject,
                ["kind"] = v.Claim.Kind.ToString(),
                ["claimed"] = v.Claimed,
                ["observed"] = v.Observed,
                ["verdict"] = v.Verdict.ToString().ToLowerInvariant(),
            }).ToArray()),
            ["probes"] = new JsonArray(probes.Select(p => (JsonNode)new JsonObject
            {
                ["service"] = p.Service,
                ["kind"] = p.Kind,
                ["target"] = p.Target,
                ["passed"] = p.Passed,
                ["detail"] = p.Detail,
                ["ms"] = Math.Round(p.Elapsed.TotalMilliseconds, 1),
            }).ToArray()),
        };
        return new Artifact("infrastructure.json", "application/json", root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
