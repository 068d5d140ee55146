using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace Muster.Tests.HostileEnvironment;

/// <summary>
/// A workspace made of the inputs that once crashed, exhausted or hung Muster (issue 18): nesting that overflows
/// recursive parsers, alias and entity bombs, huge lines and counts, a FIFO, a zip bomb, invalid encodings, symlink
/// loops and escapes, and hostile names. <see cref="MustBeNamed"/> lists the files the report must name as not read.
/// </summary>
internal sealed class HostileCorpus : IDisposable
{
    private readonly TempTree _tree = new();

    public string Root => _tree.Path;

    /// <summary>Files that no reader can take whole: each must appear in report.json as a scan error or not verified.</summary>
    public List<string> MustBeNamed { get; } = [];

    public static HostileCorpus Generate()
    {
        var corpus = new HostileCorpus();
        corpus.Nesting();
        corpus.Bombs();
        corpus.HugeInputs();
        corpus.SpecialFiles();
        corpus.HostileNames();
        return corpus;
    }

    private void Nesting()
    {
        const int depth = 200_000;
        Named("deep-flow/docker-compose.yml", "services:\n  app:\n    image: x\n    command: " + new string('[', depth) + new string(']', depth) + "\n");
        Named("deep-json/package.json", "{\"dependencies\": " + new string('[', depth) + new string(']', depth) + "}\n");
        Named("deep-mcp/.mcp.json", "{\"mcpServers\": {\"a\": " + Repeat("{\"x\": ", depth) + "1" + new string('}', depth) + "}}\n");
        Named("deep-toml/pyproject.toml", "[project]\nname = \"x\"\ndependencies = " + new string('[', depth) + new string(']', depth) + "\n");
        Write("deep-py/app.py", "x = " + new string('(', depth) + "1" + new string(')', depth) + "\nimport auth\n");
        Write("deep-js/index.js", "const x = " + new string('[', depth) + new string(']', depth) + ";\nrequire('left-pad');\n");
        Named("deep-xml/app.csproj", "<Project>" + Repeat("<a>", depth) + Repeat("</a>", depth) + "</Project>\n");
    }

    private void Bombs()
    {
        var yaml = new StringBuilder("x-bomb:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= 10; i++) yaml.Append($"  a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        Named("alias-bomb/docker-compose.yml", yaml + "services:\n  app:\n    image: x\n    labels: *a10\n");
        // No agent reads workflow files or packages.config yet: in the corpus, not required in the report.
        Write("alias-bomb/.github/workflows/ci.yml", "on: push\n" + yaml + "jobs: {build: {runs-on: *a10}}\n");
        var laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++) laughs.Append($" <!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat(i == 1 ? "&lol;" : $"&lol{i - 1};", 10))}\">\n");
        laughs.Append("]>\n<Project><ItemGroup><PackageReference Include=\"&lol9;\" Version=\"1.0.0\" /></ItemGroup></Project>\n");
        Named("laughs/Laughs.csproj", laughs.ToString());
        Write("laughs/packages.config", laughs.ToString().Replace("<Project><ItemGroup><PackageReference Include=\"&lol9;\" Version=\"1.0.0\" /></ItemGroup></Project>",
            "<packages><package id=\"&lol9;\" version=\"1.0.0\" /></packages>", StringComparison.Ordinal));
        ZipBomb(Path.Combine(Root, "vendor", "bomb.zip"));
    }

    private void HugeInputs()
    {
        Write("huge-line/one-line.py", "x = '" + new string('a', 16 * 1024 * 1024) + "'\n");
        // Issue 18's 1M-line requirements.txt (3.5 GB once): past the entry budget, one scan error names it. Pinned, so
        // the 20,000 kept entries add no findings to the reports (unpinned ones were measured: docs/input-limits.md).
        var requirements = new StringBuilder(20 * 1024 * 1024);
        for (var i = 0; i < 1_000_000; i++) requirements.Append("pkg-").Append(i).Append("==1.0.").Append(i % 50).Append('\n');
        Named("huge-count/requirements.txt", requirements.ToString());
        var tests = new StringBuilder();
        for (var i = 0; i < 50_001; i++) tests.Append("def test_").Append(i).Append("():\n    pass\n");
        Write("huge-count/tests/test_many.py", tests.ToString());
        for (var i = 0; i < 3_000; i++) Write($"huge-count/empty/{i}.env", "");
        Named("huge-status/STATUS.md", "# Status\n\n" + string.Concat(Enumerable.Repeat("- ✅ service running\n", 700_000)));
        Write("encodings/bad-utf8.env", "");
        File.WriteAllBytes(Path.Combine(Root, "encodings", "bad-utf8.env"), [0x41, 0x3D, 0xC3, 0x28, 0xFF, 0xFE, 0x0A, 0xED, 0xA0, 0x80, 0x0A]);
        File.WriteAllBytes(Path.Combine(Root, "encodings", "odd-utf16.txt"), [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42]);
    }

    private void SpecialFiles()
    {
        Directory.CreateDirectory(Path.Combine(Root, "special"));
        Run("mkfifo", Path.Combine(Root, "special", "requirements.txt"));
        MustBeNamed.Add("special/requirements.txt");
        File.CreateSymbolicLink(Path.Combine(Root, "special", "loop"), "loop");
        File.CreateSymbolicLink(Path.Combine(Root, "special", "ping"), "pong");
        File.CreateSymbolicLink(Path.Combine(Root, "special", "pong"), "ping");
        Directory.CreateSymbolicLink(Path.Combine(Root, "special", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(Root, "special", "passwd.env"), "/etc/passwd");
        Directory.CreateSymbolicLink(Path.Combine(Root, "special", "etc"), "/etc");
    }

    private void HostileNames()
    {
        Write("names/..\\..\\..\\etc\\cron.d\\evil.env", "A=1\n");
        Write("names/new\nline.env", "A=1\n");
        Write("names/\u001b[31mred\u001b[0m.md", "# red\n");
        Write("names/" + new string('n', 240) + ".env", "A=1\n");
    }

    private void Named(string relative, string content)
    {
        Write(relative, content);
        MustBeNamed.Add(relative);
    }

    private void Write(string relative, string content)
    {
        _tree.Write(relative, content);
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    // 2 entries of 128 MiB of zeros each: a few hundred KB on disk, 256 MiB unpacked.
    private void ZipBomb(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            var zeros = new byte[1024 * 1024];
            for (var entry = 0; entry < 2; entry++)
            {
                using var stream = zip.CreateEntry($"zeros-{entry}.json", CompressionLevel.SmallestSize).Open();
                for (var mb = 0; mb < 128; mb++) stream.Write(zeros);
            }
        }
    }

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(program, args);
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} exited with {process.ExitCode}");
    }

    public void Dispose() => _tree.Dispose();
}
