using Muster.Agents.Imports;
using Muster.Agents.TestHygiene;
using Muster.Model;

namespace Muster.Tests.Agents.Imports;

/// <summary>
/// The seed-shaped samples under samples/ecosystem. Their manifests are written by the dependency-audit work; when a
/// manifest is not in this checkout the test writes the agreed one (same names) so the sources are checked alone.
/// </summary>
public class SampleEcosystemTests
{
    private static string SampleFolder(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "samples", "ecosystem"))) directory = directory.Parent;
        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "samples", "ecosystem", name);
    }

    private static TempWorkspace CopyOf(string name)
    {
        var ws = new TempWorkspace();
        var source = SampleFolder(name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            ws.Write(Path.Combine(name, Path.GetRelativePath(source, file)), File.ReadAllText(file));
        }
        return ws;
    }

    [Fact]
    public async Task Meowping_backend_reports_the_missing_auth_module_and_undeclared_redis_and_nothing_for_the_guarded_import()
    {
        using var ws = CopyOf("meowping-backend");
        if (!File.Exists(Path.Combine(ws.Root, "meowping-backend/requirements.txt")))
        {
            ws.Write("meowping-backend/requirements.txt",
                "fastapi==0.110.0\nuvicorn[standard]==0.29.0\npydantic==2.6.4\npython-jose[cryptography]==3.3.0\nsqlalchemy==2.0.29\n" +
                "passlib[bcrypt]==1.7.4\npython-multipart==0.0.9\npytest==8.1.1\nhttpx==0.27.0\n");
        }
        var findings = (await ws.RunAsync(new ImportsAgent(), "imports")).Findings;

        var auth = Assert.Single(findings, f => f.RuleId == ImportFindings.PythonUnresolved);
        Assert.Equal(Severity.High, auth.Severity);
        Assert.Contains("No module named 'auth'", auth.Message);
        Assert.Equal("meowping-backend/main.py", auth.Location!.Path);

        var redis = Assert.Single(findings, f => f.RuleId == ImportFindings.PythonUndeclared);
        Assert.Equal((Severity.High, "redis"), (redis.Severity, redis.Properties["distribution"]));

        Assert.All(findings.Where(f => f.Message.Contains("ujson")), f => Assert.Equal(Severity.Info, f.Severity));
        Assert.Equal(2, findings.Count(f => f.Severity > Severity.Info));

        var hygiene = await ws.RunAsync(new TestHygieneAgent(), "test-hygiene");
        Assert.Equal((2d, 1d), (hygiene.Metrics["tests_total"], hygiene.Metrics["tests_skipped"]));
    }

    [Fact]
    public async Task Meowping_web_imports_resolve_and_its_tests_show_skips_and_a_focus()
    {
        using var ws = CopyOf("meowping-web");
        if (!File.Exists(Path.Combine(ws.Root, "meowping-web/package.json")))
        {
            ws.Write("meowping-web/package.json", """{ "name": "meowping-web", "main": "src/index.js", "dependencies": { "lodash": "4.17.20" }, "devDependencies": { "jest": "29.7.0" } }""");
        }
        var imports = await ws.RunAsync(new ImportsAgent(), "imports");
        Assert.DoesNotContain(imports.Findings, f => f.Severity > Severity.Info);
        Assert.True(imports.Metrics["js_imports"] >= 7);

        var hygiene = await ws.RunAsync(new TestHygieneAgent(), "test-hygiene");
        Assert.Equal(1, hygiene.Metrics["tests_focused"]);
        Assert.Equal(2, hygiene.Metrics["tests_skipped"]);
        Assert.Equal(1, hygiene.Metrics["tests_todo"]);
        Assert.Equal(5, hygiene.Metrics["tests_total"]);
    }
}
