using Muster.Agents.Command;
using static Muster.Tests.Agents.Command.TestContexts;

namespace Muster.Tests.Agents.Command;

/// <summary>Schema-invalid SARIF from a command fails the agent with what is wrong, never "succeeded, 0 findings".</summary>
public class SarifShapeTests
{
    private const string Tool = """ "tool": { "driver": { "name": "t" } } """;
    private const string Result = """{ "ruleId": "R", "message": { "text": "m" } }""";

    [Theory]
    [InlineData("""{ "version": "2.0.0", "runs": [] }""", "'version' is \"2.0.0\", expected \"2.1.0\"")]
    [InlineData("""{ "runs": [] }""", "it has no 'version'")]
    [InlineData("""{ "version": "2.1.0" }""", "it has no 'runs' array")]
    [InlineData("""{ "version": "2.1.0", "runs": {} }""", "'runs' is an object, not an array")]
    [InlineData("""[ { "version": "2.1.0" } ]""", "the top level is an array, not an object")]
    [InlineData("""{ "version": "2.1.0", "runs": [ 7 ] }""", "runs[0] is a number, not an object")]
    [InlineData("""{ "version": "2.1.0", "runs": [ { "results": [] } ] }""", "runs[0] has no tool.driver object")]
    [InlineData("""{ "version": "2.1.0", "runs": [ { TOOL, "results": { } } ] }""", "runs[0].results is an object, not an array")]
    [InlineData("""{ "version": "2.1.0", "runs": [ { TOOL, "results": [ RESULT, RESULT, RESULT, "oops" ] } ] }""", "runs[0].results[3] is a string, not an object")]
    [InlineData("""{ "version": "2.1.0", "runs": [ { TOOL, "results": [ RESULT, RESULT, RESULT, { "ruleId": "R" } ] } ] }""", "runs[0].results[3] has no message")]
    [InlineData("""{ "version": "2.1.0", "runs": [ { TOOL }, { TOOL, "results": [ { "ruleId": "R", "message": { "markdown": "m" } } ] } ] }""", "runs[1].results[0].message has neither a 'text' nor an 'id' string")]
    public async Task Invalid_sarif_fails_the_agent_naming_what_is_wrong(string sarif, string reason)
    {
        using var root = new TempTree();
        root.Write("out.sarif", sarif.Replace("TOOL", Tool).Replace("RESULT", Result));
        var settings = new Dictionary<string, object?> { ["program"] = "sh", ["args"] = List("-c", "cat out.sarif"), ["parser"] = "sarif" };

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => new CommandAgent().RunAsync(For(root.Path, settings), CancellationToken.None));

        Assert.Contains("sarif parser could not read standard output: tool output is not SARIF 2.1.0: " + reason, e.Message);
    }

    [Fact]
    public async Task Valid_sarif_with_an_empty_run_is_zero_findings()
    {
        using var root = new TempTree();
        root.Write("out.sarif", """{ "version": "2.1.0", "runs": [ { TOOL, "results": [] }, { TOOL } ] }""".Replace("TOOL", Tool));
        var settings = new Dictionary<string, object?> { ["program"] = "sh", ["args"] = List("-c", "cat out.sarif"), ["parser"] = "sarif" };

        var result = await new CommandAgent().RunAsync(For(root.Path, settings), CancellationToken.None);

        Assert.Empty(result.Findings);
        Assert.Equal(0, result.Metrics["sarif_results"]);
    }
}
