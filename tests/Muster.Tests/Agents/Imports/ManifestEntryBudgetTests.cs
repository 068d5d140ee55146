using System.Diagnostics;
using System.Text;
using Muster.Agents;
using Muster.Agents.Imports;
using Muster.Formats.Limits;
using Muster.Model;

namespace Muster.Tests.Agents.Imports;

/// <summary>
/// Issue 18: the imports agent keeps at most an entry budget of declared names per manifest (a 1M-line
/// requirements.txt once took it past a 768 MiB heap), names what it skipped, and concludes nothing from the absence of a
/// name the skipped part may declare.
/// </summary>
public sealed class ManifestEntryBudgetTests
{
    [Fact]
    public void Requirements_keep_the_budget_over_their_includes_and_count_the_rest_from_the_first_skipped_line()
    {
        using var ws = new TempWorkspace().Write("requirements.txt", "alpha\n-r more.txt\nomega\n").Write("more.txt", "# base\nbeta\ngamma\ndelta\n");

        var manifest = DeclaredDependencies.ReadPython(ws.Root, Path.Combine(ws.Root, "requirements.txt"), "requirements.txt", maxEntries: 3);

        Assert.Equal(["alpha", "beta", "gamma"], manifest.Dependencies.Select(d => d.Name));
        Assert.Equal(2, manifest.Skipped);
        Assert.Equal(("more.txt", 4), manifest.FirstSkipped);
        Assert.False(manifest.Complete);
        Assert.Null(manifest.Error);
    }

    [Fact]
    public void A_manifest_within_the_budget_is_complete()
    {
        using var ws = new TempWorkspace().Write("pyproject.toml", "[project]\nname = 'x'\ndependencies = ['a', 'b']\n");

        var manifest = DeclaredDependencies.ReadPython(ws.Root, Path.Combine(ws.Root, "pyproject.toml"), "pyproject.toml", maxEntries: 2);

        Assert.Equal(["a", "b"], manifest.Dependencies.Select(d => d.Name));
        Assert.True(manifest.Complete);
    }

    [Fact]
    public void Pyproject_and_package_json_entries_past_the_budget_are_counted()
    {
        using var ws = new TempWorkspace().Write("pyproject.toml", "[project]\nname = 'x'\ndependencies = ['a', 'b', 'c', 'd']\n")
            .Write("package.json", """{ "dependencies": { "a": "1", "b": "1" }, "devDependencies": { "c": "1" } }""");

        var python = DeclaredDependencies.ReadPython(ws.Root, Path.Combine(ws.Root, "pyproject.toml"), "pyproject.toml", maxEntries: 1);
        var js = DeclaredDependencies.ReadPackageJson(Path.Combine(ws.Root, "package.json"), "package.json", maxEntries: 2);

        Assert.Equal(["a"], python.Dependencies.Select(d => d.Name));
        Assert.Equal(3, python.Skipped);
        Assert.Equal(["a", "b"], js.Dependencies.Select(d => d.Name));
        Assert.Equal(1, js.Skipped);
    }

    [Fact]
    public async Task An_included_fifo_fails_the_manifest_naming_the_include_instead_of_hanging()
    {
        using var ws = new TempWorkspace().Write("requirements.txt", "flask\n-r pipe.txt\n");
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(ws.Root, "pipe.txt"))) await mkfifo.WaitForExitAsync();

        var manifest = await Task.Run(() => DeclaredDependencies.ReadPython(ws.Root, Path.Combine(ws.Root, "requirements.txt"), "requirements.txt"))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("pipe.txt: ", manifest.Error, StringComparison.Ordinal);
        Assert.Contains("not a regular file", manifest.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backslash_continuations_join_into_one_logical_line_numbered_by_its_first()
    {
        using var ws = new TempWorkspace().Write("requirements.txt", "first\nsecond==1.0 \\\n  --hash=sha256:aa \\\n  --hash=sha256:bb\nthird\n");

        var manifest = DeclaredDependencies.ReadPython(ws.Root, Path.Combine(ws.Root, "requirements.txt"), "requirements.txt");

        Assert.Equal([("first", 1), ("second", 2), ("third", 5)], manifest.Dependencies.Select(d => (d.Name, d.Line)));
    }

    [Fact]
    public async Task The_agent_names_the_entries_it_skipped_and_reports_no_import_as_failing_or_unused_because_of_them()
    {
        var requirements = new StringBuilder();
        var total = InputLimits.ManifestMaxEntries + 3;
        for (var i = 1; i <= total; i++) requirements.Append("pkg-").Append(i).Append("==1.0\n");
        using var ws = new TempWorkspace().Write("requirements.txt", requirements.ToString())
            .Write("app.py", $"import pkg_5\nimport pkg_{total}\nimport yaml\n");

        var result = await ws.RunAsync(new ImportsAgent(), "imports");

        var skipped = Assert.Single(result.Findings, f => f.RuleId == SkippedInputFindings.RuleId);
        Assert.Equal(new SourceLocation("requirements.txt", InputLimits.ManifestMaxEntries + 1), skipped.Location);
        Assert.Equal("3", skipped.Properties["skipped"]);
        Assert.Contains($"3 entries past the {InputLimits.ManifestMaxEntries:N0}-entry budget", skipped.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.RuleId is ImportFindings.PythonUnused or ImportFindings.PythonUnresolved);
        var unknown = Assert.Single(result.Findings, f => f.RuleId == ImportFindings.PythonUnverified);
        Assert.Equal(new SourceLocation("app.py", 2, 8), unknown.Location);
        var undeclared = Assert.Single(result.Findings, f => f.RuleId == ImportFindings.PythonUndeclared);
        Assert.Equal(Severity.Medium, undeclared.Severity);
        Assert.Contains($"requirements.txt past its {InputLimits.ManifestMaxEntries:N0}-entry budget", undeclared.Message, StringComparison.Ordinal);
        Assert.Contains("read only up to the entry budget: requirements.txt", result.Summary, StringComparison.Ordinal);
    }
}
