using Muster.SecretsCorpus;

namespace Muster.Tests.Agents.Secrets;

/// <summary>The per-class quality table in docs/secrets.md is what the corpus measures now.</summary>
public sealed class SecretsQualityDocsTests
{
    [Fact]
    public async Task Docs_table_matches_the_corpus_scores()
    {
        var run = await CorpusRunner.RunAsync();
        var path = Path.Combine(RepositoryRoot(), "docs", "secrets.md");
        var document = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var expected = QualityTable.Splice(document, QualityTable.Render(run));
        if (Environment.GetEnvironmentVariable("MUSTER_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
            document = expected;
        }

        Assert.True(expected == document,
            "docs/secrets.md's quality table is out of date; regenerate with MUSTER_UPDATE_DOCS=1 dotnet test tests/Muster.Tests --filter SecretsQualityDocsTests");
    }

    [Fact]
    public void Every_class_has_positive_and_negative_cases()
    {
        foreach (var k in QualityClasses.All)
        {
            var cases = QualityCorpus.All.Where(c => c.ClassId == k.Id).ToList();
            Assert.Contains(cases, c => c.Files.Any(f => Marked(f)));
            Assert.Contains(cases, c => !c.Files.Any(f => Marked(f)) || k.Id is "R10" or "R11" or "P4");
        }
    }

    [Fact]
    public void Marks_are_stripped_and_located_by_line()
    {
        var (text, lines) = CorpusTree.Strip($"a\nb={CaseValues.Secret("x")}\n{CaseValues.Secret("y")}\n");

        Assert.Equal("a\nb=x\ny\n", text);
        Assert.Equal([2, 3], lines);
    }

    private static bool Marked(CaseFile file) => file.Text(new CaseValues(new Random(1))).Contains(CaseValues.Open);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Muster.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Muster.slnx not found above " + AppContext.BaseDirectory);
    }
}
