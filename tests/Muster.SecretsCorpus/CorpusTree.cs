using System.Text;

namespace Muster.SecretsCorpus;

/// <summary>
/// Writes the corpus under a root, one folder per case (<c>q000/</c>, <c>q001/</c>…), with the marks stripped, and
/// returns where each marked value landed. Each file's values come from a seed derived from its case and path, so
/// adding a case changes no other case's values.
/// </summary>
public static class CorpusTree
{
    public static string CaseFolder(int index) => $"q{index:D3}";

    public static IReadOnlyList<ExpectedValue> Write(string root, IReadOnlyList<QualityCase> cases)
    {
        var expected = new List<ExpectedValue>();
        for (var i = 0; i < cases.Count; i++)
        {
            foreach (var file in cases[i].Files)
            {
                var relative = CaseFolder(i) + "/" + file.Path;
                var marked = file.Text(new CaseValues(new Random(Seed(cases[i], file))));
                var (text, lines) = Strip(marked);
                var full = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text, new UTF8Encoding(false));
                expected.AddRange(lines.Select(line => new ExpectedValue(i, relative, line)));
            }
        }
        return expected;
    }

    /// <summary>Removes the marks; returns the text and the line of each marked value.</summary>
    public static (string Text, List<int> Lines) Strip(string marked)
    {
        var sb = new StringBuilder(marked.Length);
        var lines = new List<int>();
        var line = 1;
        foreach (var c in marked)
        {
            if (c == CaseValues.Open) { lines.Add(line); continue; }
            if (c == CaseValues.Close) continue;
            if (c == '\n') line++;
            sb.Append(c);
        }
        return (sb.ToString(), lines);
    }

    // FNV-1a over class, case name and path: stable across runs and platforms (string.GetHashCode is not).
    private static int Seed(QualityCase c, CaseFile file)
    {
        var hash = 2166136261u;
        foreach (var ch in c.ClassId + "/" + c.Name + "/" + file.Path)
        {
            hash ^= ch;
            hash *= 16777619u;
        }
        return (int)(hash & 0x7FFFFFFF);
    }
}
