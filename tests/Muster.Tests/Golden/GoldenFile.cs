using Xunit.Sdk;

namespace Muster.Tests.Golden;

/// <summary>
/// Compares text with a golden file in tests/Muster.Tests/Golden. With MUSTER_UPDATE_GOLDEN=1 the golden file in the
/// source tree is rewritten instead, so a deliberate change is one test run and a reviewable diff.
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "MUSTER_UPDATE_GOLDEN";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Asserts <paramref name="actual"/> equals the golden file <paramref name="name"/> (e.g. "run.golden.md").</summary>
    public static void AssertMatches(string actual, string name)
    {
        var actualText = Normalize(actual);
        var sourcePath = Path.Combine(SourceDirectory(), name);
        if (Updating)
        {
            File.WriteAllText(sourcePath, actualText);
            return;
        }
        if (!File.Exists(sourcePath))
        {
            throw new XunitException($"Golden file {sourcePath} does not exist. Run the tests with {UpdateVariable}=1 to create it.");
        }
        var expectedText = Normalize(File.ReadAllText(sourcePath));
        if (expectedText == actualText) return;
        throw new XunitException(Describe(expectedText, actualText, sourcePath));
    }

    /// <summary>The Golden folder of the test project in the source tree.</summary>
    public static string SourceDirectory() => Path.Combine(RepositoryRoot(), "tests", "Muster.Tests", "Golden");

    /// <summary>The folder holding Muster.slnx, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Muster.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No Muster.slnx above {AppContext.BaseDirectory}: cannot locate the source tree.");
    }

    // Git may check files out with CRLF on Windows; the contract is LF.
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Describe(string expected, string actual, string path)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line]) line++;
        var want = line < expectedLines.Length ? expectedLines[line] : "<end of file>";
        var got = line < actualLines.Length ? actualLines[line] : "<end of file>";
        return $"Output differs from golden file {path} at line {line + 1}.\n" +
            $"  expected: {want}\n" +
            $"  actual:   {got}\n" +
            $"If the change is intended, run the tests with {UpdateVariable}=1 and review the diff.";
    }
}
