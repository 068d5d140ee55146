using Muster.Agents.Imports;
using Muster.Model;

namespace Muster.Tests.Agents.Imports;

/// <summary>
/// Found on an agent-framework monorepo: integration graphs run inside a Docker image whose Dockerfile pip-installs
/// their graph-only dependencies; the project's manifest (rightly) does not declare them. Such an import will not fail
/// where the code runs: LOW "provided", naming the Dockerfile line, never "will fail at runtime".
/// </summary>
public class PythonContainerInstallTests
{
    private static Task<IReadOnlyList<Finding>> Audit(TempWorkspace ws) => PythonRealShapedTreeTests.Audit(ws);

    [Fact]
    public async Task A_package_the_dockerfile_installs_is_provided_and_a_missing_one_still_fails()
    {
        using var ws = new TempWorkspace()
            .Write("sdk/pyproject.toml", "[project]\nname = \"acme-sdk\"\ndependencies = [\"httpx\"]\n")
            .Write("sdk/acme_sdk/__init__.py", "import httpx\n")
            .Write("sdk/integration/Dockerfile",
                "FROM python:3.12-slim\n# graph-only dependencies\nRUN pip install --no-cache-dir \\\n    \"langchain>=1.3.0\" \\\n    \"deepagents>=0.6.2\" && rm -rf /root/.cache\n")
            .Write("sdk/integration/graph/__init__.py")
            .Write("sdk/integration/graph/deep_agent.py", "from deepagents import create_deep_agent\nfrom deepagents.middleware.subagents import X\nfrom auth import login\n");

        var findings = await Audit(ws);

        var high = Assert.Single(findings, f => f.Severity >= Severity.High);
        Assert.Contains("No module named 'auth'", high.Message, StringComparison.Ordinal);
        var provided = findings.Where(f => f.RuleId == ImportFindings.PythonProvided).ToList();
        Assert.NotEmpty(provided);
        Assert.All(provided, f =>
        {
            Assert.Equal(Severity.Low, f.Severity);
            Assert.Contains("sdk/integration/Dockerfile:3 installs 'deepagents' in the image this code runs in", f.Message, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("RUN python3 -m pip install -U pip wheel 'rich==13.7.1'", "rich")]
    [InlineData("RUN uv pip install --system -r requirements.txt rich", "rich")]
    [InlineData("RUN apt-get update && pip3 install --index-url https://pypi.example/simple rich; echo done", "rich")]
    public async Task Pip_install_forms_are_read(string run, string package)
    {
        using var ws = new TempWorkspace()
            .Write("Dockerfile", $"FROM python:3.12\n{run}\n")
            .Write("app.py", $"import {package}\n");

        var findings = await Audit(ws);

        Assert.DoesNotContain(findings, f => f.Severity >= Severity.High);
        Assert.Contains(findings, f => f.RuleId == ImportFindings.PythonProvided && f.Message.Contains($"installs '{package}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dockerfile_elsewhere_in_the_tree_excuses_nothing()
    {
        using var ws = new TempWorkspace()
            .Write("worker/Dockerfile", "FROM python:3.12\nRUN pip install deepagents\n")
            .Write("api/app.py", "import deepagents\n");

        var findings = await Audit(ws);

        var high = Assert.Single(findings, f => f.Severity >= Severity.High);
        Assert.Contains("'deepagents'", high.Message, StringComparison.Ordinal);
    }
}
