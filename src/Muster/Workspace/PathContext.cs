namespace Muster.Workspace;

/// <summary>
/// What a file is for, judged from its path: test code and fixtures, documentation, examples; else nothing. A
/// credential store or dotenv file is deployed configuration wherever it sits, so it has no such context, except a
/// dotenv file named for the test environment (<c>.env.test</c>, <c>.env.testing</c>), which is test material.
/// </summary>
public static class PathContext
{
    public const string Test = "test";
    public const string Docs = "docs";
    public const string Example = "example";

    private static readonly HashSet<string> TestFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "test", "tests", "spec", "specs", "__tests__", "__mocks__", "__fixtures__", "testdata", "test-data", "test_data",
        "fixtures", "fixture", "mocks", "mock", "e2e", "testing", "unittests", "integration-tests", "integration_tests",
        "testfiles", "test-fixtures", "test_fixtures", "snapshots", "__snapshots__", "cypress", "playwright",
    };

    private static readonly HashSet<string> DocsFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "docs", "doc", "documentation", "_docs", "docs-src", "website", "guides", "man", "wiki",
    };

    private static readonly HashSet<string> ExampleFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "example", "examples", "sample", "samples", "demo", "demos", "cookbook", "cookbooks", "tutorial", "tutorials",
        "quickstart", "quickstarts", "playground", "starter", "starters", "boilerplate",
    };

    private static readonly string[] DeployedNames = [".npmrc", ".pypirc", ".netrc", "_netrc", ".git-credentials", ".dockercfg", ".yarnrc.yml", "kubeconfig"];

    /// <summary><see cref="Test"/>, <see cref="Docs"/>, <see cref="Example"/> or null for <paramref name="relativePath"/>.</summary>
    public static string? Of(string relativePath)
    {
        var segments = relativePath.Split('/');
        var name = segments[^1].ToLowerInvariant();
        if (IsTestEnvironmentDotenv(name)) return Test;
        if (IsDeployedConfiguration(name, relativePath)) return null;
        if (IsTestFileName(name)) return Test;
        string? found = null;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var segment = segments[i];
            if (TestFolders.Contains(segment)) return Test;
            found ??= DocsFolders.Contains(segment) ? Docs : ExampleFolders.Contains(segment) ? Example : null;
        }
        if (found is not null) return found;
        if (name.EndsWith(".mdx", StringComparison.Ordinal) || name.EndsWith(".rst", StringComparison.Ordinal)) return Docs;
        return IsExampleName(name) ? Example : null;
    }

    /// <summary>Templates such as <c>.env.example</c> or <c>config.sample.py</c>: their values are placeholders by convention.</summary>
    public static bool IsExampleName(string name)
    {
        foreach (var marker in new[] { ".example", ".sample", ".template", ".dist", ".defaults", ".tpl" })
        {
            if (name.EndsWith(marker, StringComparison.Ordinal) || name.Contains(marker + ".", StringComparison.Ordinal)) return true;
        }
        return name.StartsWith("example.", StringComparison.Ordinal) || name.StartsWith("sample.", StringComparison.Ordinal);
    }

    private static bool IsTestFileName(string name) =>
        name.StartsWith("test_", StringComparison.Ordinal) || name.Contains("_test.", StringComparison.Ordinal)
        || name.Contains(".test.", StringComparison.Ordinal) || name.Contains(".spec.", StringComparison.Ordinal)
        || name.EndsWith("tests.cs", StringComparison.Ordinal) || name.EndsWith("test.cs", StringComparison.Ordinal)
        || name.EndsWith("test.java", StringComparison.Ordinal) || name.EndsWith("test.kt", StringComparison.Ordinal)
        || name == "conftest.py";

    /// <summary>
    /// A dotenv file (lowercased name) a framework loads only when tests run, wherever it sits: Laravel's
    /// <c>.env.testing</c> (and Dusk's <c>.env.dusk.*</c>), the <c>.env.test</c> of Rails (dotenv), Symfony, Next.js
    /// and Vite, and their <c>.local</c> overrides. Not <c>.env.ci</c>: no framework reads that name, and a CI
    /// environment holds deploy credentials too.
    /// </summary>
    private static bool IsTestEnvironmentDotenv(string name) =>
        name is ".env.test" or ".env.testing" or ".env.test.local" or ".env.testing.local"
        || (name.StartsWith(".env.dusk.", StringComparison.Ordinal) && !IsExampleName(name));

    // Files tools read as configuration: a value there is configured for use even under tests/ or docs/.
    private static bool IsDeployedConfiguration(string name, string relativePath)
    {
        if (DeployedNames.Contains(name)) return true;
        if (relativePath.EndsWith(".aws/credentials", StringComparison.OrdinalIgnoreCase) || relativePath.EndsWith(".docker/config.json", StringComparison.OrdinalIgnoreCase)) return true;
        var dotenv = name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal);
        return dotenv && !IsExampleName(name);
    }
}
