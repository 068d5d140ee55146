using Muster.Agents;
using Muster.Agents.Imports;
using Muster.Model;

namespace Muster.Tests.Agents.Imports;

public class DeclaredDependenciesTests
{
    private static List<string> Names(TempWorkspace ws, string path) =>
        DeclaredDependencies.ReadPython(ws.Root, Path.Combine(ws.Root, path), path).Dependencies.Select(d => d.Name).ToList();

    [Fact]
    public void Requirements_handle_extras_markers_hashes_urls_editables_comments_and_continuations()
    {
        using var ws = new TempWorkspace().Write("requirements.txt", """
            # comment
            requests[socks]>=2.31 ; python_version >= "3.8"  # trailing
            Django==5.0 \
                --hash=sha256:abc
            pkg-a @ https://example.invalid/pkg_a-1.0.tar.gz
            git+https://example.invalid/org/repo.git#egg=repo-b
            https://example.invalid/archive.zip
            -e ./local/path#egg=local-c
            -e ./unnamed
            ./wheels/foo-1.0-py3-none-any.whl
            -c constraints.txt
            --index-url https://example.invalid/simple
            -r more.txt
            """).Write("more.txt", "rich\n");
        Assert.Equal(["requests", "Django", "pkg-a", "repo-b", "local-c", "rich"], Names(ws, "requirements.txt"));
    }

    [Fact]
    public void Requirements_outside_the_workspace_are_listed_and_never_read()
    {
        using var outside = new TempWorkspace().Write("reqs.txt", "leaked-name\n");
        using var ws = new TempWorkspace().Write("app/requirements.txt", $"""
            -r {Path.Combine(outside.Root, "reqs.txt")}
            --requirement=../../{Path.GetFileName(outside.Root)}/reqs.txt
            -c /etc/pip-constraints.txt
            -e ../../elsewhere/project#egg=elsewhere
            -e ./local#egg=local
            -r inner.txt
            flask
            """).Write("app/inner.txt", "rich\n");

        var manifest = DeclaredDependencies.ReadPython(ws.Root, Path.Combine(ws.Root, "app", "requirements.txt"), "app/requirements.txt");

        Assert.Equal(["elsewhere", "local", "rich", "flask"], manifest.Dependencies.Select(d => d.Name).ToList());
        Assert.Equal([("-r", 1), ("-r", 2), ("-c", 3), ("-e", 4)], manifest.Outside.Select(o => (o.Option, o.Line)).ToList());
        Assert.All(manifest.Outside, o => Assert.Equal("app/requirements.txt", o.Path));
        Assert.Equal(Path.Combine(outside.Root, "reqs.txt"), manifest.Outside[0].Reference.Written);
    }

    [Fact]
    public async Task The_imports_agent_reports_an_outside_include_as_a_low_finding_with_the_path_as_written()
    {
        using var ws = new TempWorkspace().Write("requirements.txt", "-r /etc/muster-absent/requirements.txt\n").Write("app.py", "import os\n");

        var result = await ws.RunAsync(new ImportsAgent(), "imports");

        var finding = Assert.Single(result.Findings, f => f.RuleId == OutsideReferenceFindings.RuleId);
        Assert.Equal(Severity.Low, finding.Severity);
        Assert.Equal(new SourceLocation("requirements.txt", 1), finding.Location);
        Assert.StartsWith("requirements include a file outside the workspace: /etc/muster-absent/requirements.txt", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_cycles_terminate()
    {
        using var ws = new TempWorkspace().Write("requirements.txt", "-r other.txt\nalpha\n").Write("other.txt", "-r requirements.txt\nbeta\n");
        Assert.Equal(["beta", "alpha"], Names(ws, "requirements.txt"));
    }

    [Fact]
    public void Computed_setup_py_requirements_are_unreadable_not_empty()
    {
        using var ws = new TempWorkspace().Write("setup.py", "from setuptools import setup\nsetup(install_requires=read_requirements())\n");
        Assert.NotNull(DeclaredDependencies.ReadPython(ws.Root, Path.Combine(ws.Root, "setup.py"), "setup.py").Error);
    }

    [Fact]
    public void Package_json_reads_all_four_sections_with_groups_and_lines()
    {
        using var ws = new TempWorkspace().Write("package.json", "{\n  \"dependencies\": { \"react\": \"18\" },\n  \"devDependencies\": { \"vitest\": \"1\" },\n  \"peerDependencies\": { \"react-dom\": \"18\" },\n  \"optionalDependencies\": { \"fsevents\": \"2\" }\n}\n");
        var manifest = DeclaredDependencies.ReadPackageJson(Path.Combine(ws.Root, "package.json"), "package.json");
        Assert.Equal([("react", "prod", 2), ("vitest", "dev", 3), ("react-dom", "peer", 4), ("fsevents", "optional", 5)],
            manifest.Dependencies.Select(d => (d.Name, d.Group, d.Line)).ToList());
    }

    [Fact]
    public void Malformed_package_json_is_an_error()
    {
        using var ws = new TempWorkspace().Write("package.json", "{ \"dependencies\": ");
        Assert.NotNull(DeclaredDependencies.ReadPackageJson(Path.Combine(ws.Root, "package.json"), "package.json").Error);
    }
}
