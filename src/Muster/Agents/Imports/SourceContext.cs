namespace Muster.Agents.Imports;

/// <summary>
/// What kind of code a file is, from its path: a test (whose imports may come from test-time <c>sys.path</c>), an
/// example or documentation snippet (whose missing dependency means "the example needs X installed", not a crash of the
/// product), a deliberately broken fixture (<c>fixtures/</c>, or a folder or file named invalid/missing/broken), or a
/// scaffold template (<c>templates/</c>, cookiecutter <c>{{...}}</c> paths), which is text to render, not code to verify.
/// </summary>
internal sealed record SourceContext(bool IsTest, bool IsExample, bool IsFixture, bool IsTemplate)
{
    private static readonly HashSet<string> TestFolders = new(StringComparer.Ordinal) { "tests", "test", "testing", "__tests__", "spec", "e2e", "integration_tests" };

    private static readonly HashSet<string> ExampleFolders = new(StringComparer.Ordinal)
    {
        "docs", "doc", "docs_src", "documentation", "examples", "example", "samples", "sample", "cookbook", "cookbooks", "tutorial",
        "tutorials", "demo", "demos",
    };

    private static readonly HashSet<string> FixtureFolders = new(StringComparer.Ordinal)
    {
        "fixtures", "fixture", "__fixtures__", "__testfixtures__", "testdata", "test_data", "test-data", "test-fixtures", "test_fixtures",
    };

    private static readonly HashSet<string> TemplateFolders = new(StringComparer.Ordinal)
    {
        "templates", "template", "scaffold", "scaffolds", "skeleton", "skeletons", "boilerplate", "project_template", "app_template",
    };

    private static readonly string[] BrokenWords = ["invalid", "missing", "broken", "nonexist", "non-exist", "non_exist", "notexist", "not-exist", "not_exist", "unresolv"];

    public static SourceContext Of(string relativePath)
    {
        var parts = relativePath.Split('/');
        var folders = parts[..^1];
        var name = parts[^1];
        var isTemplate = relativePath.Contains("{{", StringComparison.Ordinal) || relativePath.Contains("{%", StringComparison.Ordinal) ||
                         folders.Any(f => TemplateFolders.Contains(f) || f.StartsWith("cookiecutter", StringComparison.OrdinalIgnoreCase));
        var isFixture = folders.Any(FixtureFolders.Contains) || parts.Any(p => BrokenWords.Any(w => p.Contains(w, StringComparison.OrdinalIgnoreCase)));
        var isTest = folders.Any(TestFolders.Contains) || name.StartsWith("test_", StringComparison.Ordinal) || name == "conftest.py" ||
                     name.EndsWith("_test.py", StringComparison.Ordinal) || name.Contains(".test.", StringComparison.Ordinal) ||
                     name.Contains(".spec.", StringComparison.Ordinal);
        var isExample = folders.Any(ExampleFolders.Contains) || name.StartsWith("example", StringComparison.Ordinal);
        return new SourceContext(isTest || isFixture, isExample, isFixture, isTemplate);
    }
}
