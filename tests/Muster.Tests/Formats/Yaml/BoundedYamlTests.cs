using Muster.Formats.Limits;
using Muster.Formats.Yaml;
using YamlDotNet.RepresentationModel;

namespace Muster.Tests.Formats.Yaml;

public class BoundedYamlTests
{
    [Fact]
    public void Flow_sequences_nested_ten_thousand_deep_are_a_limit_error_not_a_stack_overflow()
    {
        var e = Assert.Throws<YamlLimitException>(() => BoundedYaml.Load(HostileYaml.FlowNesting(10_000)));

        Assert.Equal($"YAML nesting exceeds {InputLimits.YamlMaxDepth} levels; not audited", e.Reason);
        Assert.Equal(1, e.Start.Line);
        Assert.Equal(InputLimits.YamlMaxDepth + 1, e.Start.Column);
    }

    [Fact]
    public void Block_mappings_nested_by_indentation_are_bounded_too()
    {
        var e = Assert.Throws<YamlLimitException>(() => BoundedYaml.Load(HostileYaml.BlockNesting(1_000)));

        Assert.Contains("nesting exceeds", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_at_the_budget_loads()
    {
        var stream = BoundedYaml.Load(HostileYaml.FlowNesting(InputLimits.YamlMaxDepth));

        Assert.IsType<YamlSequenceNode>(Assert.Single(stream.Documents).RootNode);
    }

    [Fact]
    public void An_alias_bomb_is_refused_without_expanding_it()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var e = Assert.Throws<YamlLimitException>(() => BoundedYaml.Load(HostileYaml.AliasBomb(10)));

        Assert.Equal($"YAML alias expansion exceeds {InputLimits.YamlMaxAliasExpandedNodes:N0} nodes; not audited", e.Reason);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 * 1024 * 1024, "the bomb must be measured, not expanded");
    }

    [Fact]
    public void Ordinary_anchors_and_merge_keys_load()
    {
        var stream = BoundedYaml.Load("""
            x-env: &env { A: "1", B: "2" }
            services:
              a: { environment: *env }
              b: { <<: *env, C: "3" }
            """);

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var services = (YamlMappingNode)root["services"];
        Assert.Same(root["x-env"], ((YamlMappingNode)services["a"])["environment"]);
    }

    [Fact]
    public void A_bomb_just_under_the_expansion_budget_loads()
    {
        // 10^4 scalars plus the lists that hold them: about 11,000 nodes, far below the budget.
        var stream = BoundedYaml.Load(HostileYaml.AliasBomb(4));

        Assert.Single(stream.Documents);
    }

    [Fact]
    public void Too_many_aliases_are_refused()
    {
        var text = "a: &a x\nb: [" + string.Join(", ", Enumerable.Repeat("*a", InputLimits.YamlMaxAliases + 1)) + "]\n";

        var e = Assert.Throws<YamlLimitException>(() => BoundedYaml.Load(text));

        Assert.Contains("aliases", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_over_the_size_budget_is_refused_before_parsing()
    {
        var text = "a: " + new string('x', InputLimits.YamlMaxChars) + "\n";

        var e = Assert.Throws<YamlLimitException>(() => BoundedYaml.Load(text));

        Assert.Contains("over the", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_that_nest_past_the_depth_budget_once_expanded_are_refused()
    {
        // Each level wraps the previous anchor 100 levels deep: every level is within the text budget, together not.
        var text = new System.Text.StringBuilder("l0: &a0 " + HostileYaml.FlowNesting(100));
        for (var i = 1; i < 4; i++) text.Append($"l{i}: &a{i} ").Append(new string('[', 100)).Append($"*a{i - 1}").Append(new string(']', 100)).Append('\n');

        var e = Assert.Throws<YamlLimitException>(() => BoundedYaml.Load(text.ToString()));

        Assert.Contains("once aliases are expanded", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_deserializer_path_is_bounded_as_well()
    {
        var deserializer = new YamlDotNet.Serialization.DeserializerBuilder().Build();

        Assert.Throws<YamlLimitException>(() => BoundedYaml.Deserialize<object>(deserializer, HostileYaml.FlowNesting(10_000)));
    }

    [Fact]
    public void Syntax_errors_keep_their_message_without_the_position_prefix()
    {
        var e = Assert.ThrowsAny<YamlDotNet.Core.YamlException>(() => BoundedYaml.Load("a: [b\n"));

        var message = BoundedYaml.Describe(e);
        Assert.StartsWith("not valid YAML: ", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Line:", message, StringComparison.Ordinal);
    }
}
