using Muster.Agents;

namespace Muster.Tests.Architecture;

/// <summary>
/// The walls between agents, read from the compiled library's IL (signatures, base types, attributes and every
/// method body), so a fully qualified name or a lambda cannot slip past them the way it could past a text search.
/// </summary>
public class AgentBoundaryTests
{
    private static readonly Lazy<LibraryReferences> Library = new(() => LibraryReferences.Read(typeof(IAgent).Assembly.Location));

    [Fact]
    public void No_agent_references_another_agent_the_engine_or_the_composition_root()
    {
        var violations = Library.Value.Edges
            .Where(e => AgentNamespaces.AgentOf(e.FromNamespace) is { } agent && AgentNamespaces.IsForbiddenFor(agent, e.ToNamespace))
            .Select(e => $"{e.FromType} -> {e.ToType}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(violations.Count == 0,
            "Agents may use the contract (Muster.Agents), Muster.Model, Muster.Formats.* and Muster.Workspace only; move what two agents share there:\n"
            + string.Join('\n', violations));
    }

    [Fact]
    public void The_contract_does_not_depend_on_any_agent_or_the_engine()
    {
        var violations = Library.Value.Edges
            .Where(e => e.FromNamespace == AgentNamespaces.Contract && AgentNamespaces.IsForbiddenFor(null, e.ToNamespace))
            .Select(e => $"{e.FromType} -> {e.ToType}")
            .Distinct()
            .ToList();
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [Fact]
    public void The_reader_sees_a_reference_written_as_a_fully_qualified_name()
    {
        // The composition root names every agent only by fully qualified descriptor fields: the reader must see them,
        // or the test above would pass on a library it cannot read.
        var fromRoot = Library.Value.Edges.Where(e => e.FromNamespace == "Muster.Composition").Select(e => AgentNamespaces.AgentOf(e.ToNamespace))
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Secrets", fromRoot);
        Assert.Contains("Mcp", fromRoot);
        Assert.True(fromRoot.Count >= 10, string.Join(", ", fromRoot));
    }

    [Theory]
    [InlineData("Muster.Agents.Secrets", "Muster.Agents.Mcp", true)]
    [InlineData("Muster.Agents.Secrets", "Muster.Agents.Secrets.Rules", false)]
    [InlineData("Muster.Agents.Imports.Python", "Muster.Agents.Imports", false)]
    [InlineData("Muster.Agents.Imports", "Muster.Engine.Plans", true)]
    [InlineData("Muster.Agents.Imports", "Muster.Composition", true)]
    [InlineData("Muster.Agents.Imports", "Muster.Agents", false)]
    [InlineData("Muster.Agents.Imports", "Muster.Formats.Packages.Parsers", false)]
    [InlineData("Muster.Agents.Imports", "Muster.Reports", true)]
    public void The_rule_itself(string from, string to, bool forbidden) =>
        Assert.Equal(forbidden, AgentNamespaces.IsForbiddenFor(AgentNamespaces.AgentOf(from), to));
}
