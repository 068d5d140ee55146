using System.Text.Json;
using Muster.Agents.TestHygiene;
using Muster.Model;
using Muster.Tests.Agents.Imports;

namespace Muster.Tests.Agents.TestHygiene;

public class TestHygieneAgentTests
{
    [Fact]
    public async Task Reports_per_project_counts_metrics_and_findings()
    {
        using var ws = new TempWorkspace()
            .Write("web/package.json", "{}")
            .Write("web/src/a.test.ts", "it('a', () => {});\nit.only('b', () => {});\ntest.skip('c', () => {});\ntest.todo('d');\n")
            .Write("web/src/app.ts", "list.only('not a test file');\n")
            .Write("api/requirements.txt", "pytest\n")
            .Write("api/tests/test_x.py", "import pytest\n\ndef test_a(): pass\n\n@pytest.mark.skipif(True, reason='x')\ndef test_b(): pass\n")
            .Write("lib/Lib.Tests.csproj", "<Project />")
            .Write("lib/Tests.cs", "public class T { [Fact] public void A() {} [Fact(Skip = \"x\")] public void B() {} }\n");
        var result = await ws.RunAsync(new TestHygieneAgent(), "test-hygiene");

        Assert.Equal(7, result.Metrics["tests_total"]);
        Assert.Equal(3, result.Metrics["tests_skipped"]);
        Assert.Equal(3, result.Metrics["tests_skipped_unconditional"]);
        Assert.Equal(1, result.Metrics["tests_focused"]);
        Assert.Equal(1, result.Metrics["tests_todo"]);

        var focused = Assert.Single(result.Findings, f => f.RuleId == TestHygieneAgent.Focused);
        Assert.Equal(Severity.High, focused.Severity);
        Assert.Equal(new SourceLocation("web/src/a.test.ts", 2, 1), focused.Location);
        Assert.Equal("tests", focused.Category);
        Assert.Equal(3, result.Findings.Count(f => f.RuleId == TestHygieneAgent.Skipped));

        using var json = JsonDocument.Parse(result.Artifacts.Single(a => a.Name == "test-hygiene.json").Content);
        var projects = json.RootElement.GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("project").GetString()!, p => p.GetProperty("tests").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["api"] = 2, ["lib"] = 2, ["web"] = 3 }, projects);
        Assert.Contains("| web | javascript | 1 | 3 | 1 | 0 | 1 | 1 |", result.Artifacts.Single(a => a.Name == "test-hygiene.md").Content);
    }

    [Fact]
    public async Task Clean_workspace_reports_zero_skips()
    {
        using var ws = new TempWorkspace().Write("package.json", "{}").Write("a.test.js", "test('a', () => {});\n");
        var result = await ws.RunAsync(new TestHygieneAgent(), "test-hygiene");
        Assert.Empty(result.Findings);
        Assert.Equal((1d, 0d, 0d), (result.Metrics["tests_total"], result.Metrics["tests_skipped"], result.Metrics["tests_focused"]));
    }

    [Fact]
    public async Task Conditional_skips_are_counted_and_listed_but_not_findings_one_by_one()
    {
        using var ws = new TempWorkspace()
            .Write("package.json", "{}")
            .Write("playground/a.spec.ts", "test.runIf(isServe)('a', () => {});\ntest.runIf(isServe)('b', () => {});\ntest.skipIf(true)('c', () => {});\n");
        var result = await ws.RunAsync(new TestHygieneAgent(), "test-hygiene");
        Assert.Equal(3, result.Metrics["tests_skipped"]);
        Assert.Equal(1, result.Metrics["tests_skipped_unconditional"]);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((TestHygieneAgent.Skipped, 3), (finding.RuleId, finding.Location!.Line));
        var md = result.Artifacts.Single(a => a.Name == "test-hygiene.md").Content;
        Assert.Contains("## Conditional skips (2)", md);
        Assert.Contains("- `playground/a.spec.ts:2` `test.runIf()`", md);
    }
}
