namespace Muster.Tests.Agents.Dependencies;

/// <summary>
/// Reads the shared version-ordering oracles in place (<c>shared/testdata/version-order</c>, found by walking up
/// from the test's base directory, or beside the clone as CI lays it out).
/// </summary>
internal static class VersionOracle
{
    public const string RelativeFolder = "shared/testdata/version-order";

    public sealed record Pair(string Left, char Op, string Right, int Line);

    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativeFolder);
            if (Directory.Exists(candidate)) return candidate;
            if (File.Exists(Path.Combine(dir.FullName, "Muster.slnx")))
            {
                var beside = Path.GetFullPath(Path.Combine(dir.FullName, "..", RelativeFolder));
                if (Directory.Exists(beside)) return beside;
            }
        }
        throw new InvalidOperationException(
            $"Version-order oracle folder '{RelativeFolder}' not found above {AppContext.BaseDirectory} nor beside the repository root; " +
            "these tests need the shared test data checked out next to the clone.");
    }

    public static IReadOnlyList<Pair> Read(string fileName)
    {
        var path = Path.Combine(Folder(), fileName);
        if (!File.Exists(path)) throw new InvalidOperationException($"Oracle file missing: {path}");
        var pairs = new List<Pair>();
        var lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith('#')) continue;
            var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length != 3 || tokens[1].Length != 1 || "<>=".IndexOf(tokens[1][0]) < 0)
                throw new InvalidOperationException($"{path}:{lineNo}: not 'A op B': {line}");
            pairs.Add(new Pair(tokens[0], tokens[1][0], tokens[2], lineNo));
        }
        return pairs;
    }

    /// <summary>Checks every pair both ways; returns the failures as readable lines.</summary>
    public static (int Passed, List<string> Failures) Check(IReadOnlyList<Pair> pairs, Func<string, string, int> compare)
    {
        var failures = new List<string>();
        var passed = 0;
        foreach (var p in pairs)
        {
            string? problem = null;
            try
            {
                var forward = Math.Sign(compare(p.Left, p.Right));
                var backward = Math.Sign(compare(p.Right, p.Left));
                var expected = p.Op switch { '<' => -1, '>' => 1, _ => 0 };
                if (forward != expected || backward != -expected) problem = $"got {forward}/{backward}";
            }
            catch (FormatException e)
            {
                problem = e.Message;
            }
            if (problem is null) passed++;
            else failures.Add($"line {p.Line}: {p.Left} {p.Op} {p.Right}: {problem}");
        }
        return (passed, failures);
    }
}
