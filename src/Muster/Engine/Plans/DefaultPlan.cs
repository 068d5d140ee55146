using System.Text;
using Muster.Agents;
using Muster.Formats;
using Muster.Model;

namespace Muster.Engine.Plans;

/// <summary>
/// The plan <c>muster audit</c> runs: every registered agent meant for it, by role — scanners (and research) first, so
/// secrets are found before anything else; then analysis; then verification. A role no agent has gives no wave, so
/// the plan has as many waves as roles in use (<see cref="Describe"/> says how many).
/// </summary>
public static class DefaultPlan
{
    public static string Yaml(AgentRegistry registry)
    {
        var agents = registry.All.Where(d => d.InDefaultPlan).ToList();
        var waves = new (string Name, AgentRole[] Roles)[]
        {
            ("scanners", [AgentRole.Scanner, AgentRole.Research]),
            ("analysis", [AgentRole.Analysis]),
            ("verification", [AgentRole.Verification]),
        };
        var yaml = new StringBuilder()
            .AppendLine("# Muster's built-in audit plan. Copy it, edit it, run it with: muster run plan.yaml --root PATH")
            .AppendLine("name: audit")
            // No built-in agent runs a type checker, so under this plan the gate can only ever be "not evaluated": it
            // is shown (WARN) but does not fail the run. A plan that adds a type-check command agent sets it to fail.
            .AppendLine("gates: {type-check: warn}")
            .AppendLine("waves:");
        foreach (var (name, roles) in waves)
        {
            var members = agents.Where(a => roles.Contains(a.DefaultRole)).ToList();
            if (members.Count == 0) continue;
            yaml.AppendLine($"  - name: {name}").AppendLine("    agents:");
            foreach (var agent in members)
            {
                yaml.AppendLine($"      - id: {agent.Kind}")
                    .AppendLine($"        kind: {agent.Kind}")
                    .AppendLine($"        role: {agent.DefaultRole.ToString().ToLowerInvariant()}")
                    .AppendLine($"        timeout: {{soft: {DurationText.Format(agent.SoftTimeout)}, hard: {DurationText.Format(agent.HardTimeout)}}}");
            }
            // No exit criteria: every wave runs so what can be verified is verified. A crashed agent leaves the
            // verification gate not evaluated, which fails the run unless the user sets --gate verification=warn.
        }
        return yaml.ToString();
    }

    public static Plan Build(AgentRegistry registry) => new PlanParser(registry).Parse(Yaml(registry), "built-in:audit");

    /// <summary>The plan's waves in words, for help texts: "2 waves: scanners, then verification".</summary>
    public static string Describe(Plan plan) =>
        $"{plan.Waves.Count} wave{(plan.Waves.Count == 1 ? "" : "s")}: {string.Join(", then ", plan.Waves.Select(w => w.Name))}";
}
