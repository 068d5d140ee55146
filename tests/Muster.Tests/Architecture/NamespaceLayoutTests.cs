using System.Text.RegularExpressions;
using Muster.Tests.Golden;

namespace Muster.Tests.Architecture;

/// <summary>A file's namespace is its folder: src/Muster/Formats/Packages/Parsers/X.cs is Muster.Formats.Packages.Parsers.</summary>
public partial class NamespaceLayoutTests
{
    [GeneratedRegex(@"^namespace\s+([A-Za-z0-9_.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();

    [Theory]
    [InlineData("src/Muster", "Muster")]
    [InlineData("src/Muster.Cli", "Muster.Cli")]
    public void Namespaces_match_folders(string project, string rootNamespace)
    {
        var projectDir = Path.Combine(GoldenFile.RepositoryRoot(), project);
        var wrong = new List<string>();
        var files = Directory.EnumerateFiles(projectDir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        foreach (var file in files)
        {
            var folder = Path.GetRelativePath(projectDir, Path.GetDirectoryName(file)!);
            var expected = folder == "." ? rootNamespace : rootNamespace + "." + folder.Replace(Path.DirectorySeparatorChar, '.');
            var match = FileScopedNamespace().Match(File.ReadAllText(file));
            if (!match.Success && Path.GetFileName(file) != "Program.cs") wrong.Add($"{Path.GetRelativePath(projectDir, file)}: no file-scoped namespace (expected {expected})");
            else if (match.Success && match.Groups[1].Value != expected) wrong.Add($"{Path.GetRelativePath(projectDir, file)}: namespace {match.Groups[1].Value}, expected {expected}");
        }
        Assert.True(files.Count > 10, $"only {files.Count} files found under {projectDir}");
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }
}
