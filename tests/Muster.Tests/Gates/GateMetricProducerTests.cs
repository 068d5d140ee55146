using System.Reflection;
using Muster.Agents;
using Muster.Agents.Command.Parsers;
using Muster.Composition;
using Muster.Gates;
using Muster.Model;

namespace Muster.Tests.Gates;

/// <summary>Every metric a gate reads has a producer (issue 11: the Documentation gate read one nobody produced).</summary>
public class GateMetricProducerTests
{
    [Fact]
    public void Every_metric_a_gate_reads_is_declared_by_a_built_in_agent_or_is_an_extension_point()
    {
        var declared = BuiltInAgents.CreateRegistry().All.SelectMany(d => d.Metrics).ToHashSet(StringComparer.Ordinal);
        var orphans = GateMetricNames.All.Where(m => !declared.Contains(m) && !GateMetricNames.ExtensionOnly.Contains(m)).ToList();
        Assert.True(orphans.Count == 0, "gates read metrics no built-in agent declares: " + string.Join(", ", orphans));
        Assert.DoesNotContain(GateMetricNames.ExtensionOnly, declared.Contains);
    }

    [Fact]
    public void The_gates_read_metrics_only_through_the_named_constants()
    {
        // A metric name typed as a literal in the evaluator would escape the producer check above.
        var literals = typeof(GateEvaluator).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(GateEvaluator).Namespace)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => v.Contains('_', StringComparison.Ordinal) && !v.Contains(' ', StringComparison.Ordinal))
            .ToList();
        Assert.Empty(literals);
        Assert.Equal(GateMetricNames.All.Count, GateMetricNames.All.Distinct().Count());
        Assert.Equal(GateMetricNames.All.Order(StringComparer.Ordinal), typeof(GateMetricNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_command_agents_parsers_report_every_metric_its_descriptor_declares()
    {
        var context = new ParserContext { Root = "/w", WorkingDirectory = "/w", AgentId = "c", Scrubber = NoSecretScrubber.Instance };
        var junit = new JUnitParser().Parse("<testsuite tests=\"1\"><testcase name=\"t\"/></testsuite>", context).Metrics.Keys;
        var tsc = new TscParser().Parse("src/a.ts(1,1): error TS2322: Type 'x' is not assignable.\n", context).Metrics.Keys;
        var produced = junit.Concat(tsc).ToHashSet(StringComparer.Ordinal);
        Assert.All(BuiltInAgents.CreateRegistry().Get("command").Metrics, m => Assert.Contains(m, produced));
    }
}
