using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Muster.Agents;
using Muster.Agents.Dependencies;
using Muster.Model;

namespace Muster.Bench;

/// <summary>
/// Dependency inventory over a generated workspace: N projects (npm with package-lock v3, Python with requirements
/// and poetry.lock, .NET with csproj and packages.lock.json, in rotation), each with source files beside its
/// manifests, plus an OSV all.zip of generated advisories. Prints files per second and peak memory (VmHWM).
/// Usage: dependencies [projects=200] [sourceFilesPerProject=100] [advisories=20000]
/// </summary>
internal sealed class DependenciesBenchmark : IBenchmark
{
    public string Name => "dependencies";
    public string Description => "Dependency inventory + offline OSV match over a generated 200-project workspace.";

    public async Task RunAsync(string[] args)
    {
        var projects = Arg(args, 0, 200);
        var sourcesPerProject = Arg(args, 1, 100);
        var advisories = Arg(args, 2, 20000);
        var root = Path.Combine(Path.GetTempPath(), "muster-bench-deps-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var generate = Stopwatch.StartNew();
            var files = Generate(root, projects, sourcesPerProject);
            var osvZip = GenerateOsv(root + "-osv.zip", advisories);
            Console.WriteLine($"generated {projects} projects, {files:N0} files, {advisories:N0} advisories in {generate.Elapsed.TotalSeconds:F1}s");

            var hwmBefore = PeakMemoryKb();
            var run = Stopwatch.StartNew();
            var result = await DependenciesAgent.Descriptor.Create().RunAsync(new AgentContext
            {
                RunId = "bench",
                AgentId = "dependencies",
                Kind = "dependencies",
                Role = AgentRole.Scanner,
                Root = root,
                RunParameters = new Dictionary<string, string> { ["osv-db"] = osvZip },
            }, CancellationToken.None);
            run.Stop();
            var seconds = run.Elapsed.TotalSeconds;
            Console.WriteLine(result.Summary);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"files walked: {result.Metrics["files_seen"]:N0}; manifests: {result.Metrics["manifests"]:N0}; packages: {result.Metrics["packages"]:N0}; findings: {result.Findings.Count:N0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"elapsed: {seconds:F2}s; files/s: {result.Metrics["files_seen"] / seconds:N0}; manifests/s: {result.Metrics["manifests"] / seconds:N0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"phases: walk+parse {result.Metrics["scan_ms"]:N0} ms, hygiene {result.Metrics["hygiene_ms"]:N0} ms, OSV {result.Metrics["vulnerability_ms"]:N0} ms"));
            Console.WriteLine($"peak memory (VmHWM): before run {hwmBefore / 1024.0:F1} MB, after run {PeakMemoryKb() / 1024.0:F1} MB");
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
            File.Delete(root + "-osv.zip");
        }
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;

    private static long PeakMemoryKb()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return 0;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private static int Generate(string root, int projects, int sourcesPerProject)
    {
        var random = new Random(42);
        var files = 0;
        for (var p = 0; p < projects; p++)
        {
            var dir = Path.Combine(root, $"project-{p:D3}");
            Directory.CreateDirectory(Path.Combine(dir, "src"));
            switch (p % 3)
            {
                case 0:
                    WriteNpm(dir, random);
                    files += 2;
                    for (var s = 0; s < sourcesPerProject; s++, files++)
                        File.WriteAllText(Path.Combine(dir, "src", $"m{s}.js"), $"const _ = require('pkg-{s % 40}');\nmodule.exports = () => _.identity({s});\n");
                    break;
                case 1:
                    WritePython(dir, random);
                    files += 3;
                    for (var s = 0; s < sourcesPerProject; s++, files++)
                        File.WriteAllText(Path.Combine(dir, "src", $"m{s}.py"), $"import pkg_{s % 40}\n\n\ndef f():\n    return {s}\n");
                    break;
                default:
                    WriteDotnet(dir, random);
                    files += 2;
                    for (var s = 0; s < sourcesPerProject; s++, files++)
                        File.WriteAllText(Path.Combine(dir, "src", $"C{s}.cs"), $"namespace P;\n\npublic static class C{s} {{ public static int F() => {s}; }}\n");
                    break;
            }
        }
        return files;
    }

    private static string Version(Random random) => $"{random.Next(0, 5)}.{random.Next(0, 20)}.{random.Next(0, 30)}";

    private static void WriteNpm(string dir, Random random)
    {
        var direct = Enumerable.Range(0, 20).Select(i => ($"pkg-{i}", Version(random))).ToList();
        var manifest = new StringBuilder("{\n  \"name\": \"app\",\n  \"dependencies\": {\n");
        manifest.Append(string.Join(",\n", direct.Select(d => $"    \"{d.Item1}\": \"^{d.Item2}\""))).Append("\n  }\n}\n");
        File.WriteAllText(Path.Combine(dir, "package.json"), manifest.ToString());
        var lockText = new StringBuilder("{\n  \"name\": \"app\",\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"\": { \"dependencies\": {");
        lockText.Append(string.Join(", ", direct.Select(d => $"\"{d.Item1}\": \"^{d.Item2}\""))).Append("} }");
        foreach (var (name, version) in direct) lockText.Append($",\n    \"node_modules/{name}\": {{ \"version\": \"{version}\" }}");
        for (var i = 20; i < 120; i++) lockText.Append($",\n    \"node_modules/pkg-{i}\": {{ \"version\": \"{Version(random)}\", \"dev\": {(i % 2 == 0 ? "true" : "false")} }}");
        lockText.Append("\n  }\n}\n");
        File.WriteAllText(Path.Combine(dir, "package-lock.json"), lockText.ToString());
    }

    private static void WritePython(string dir, Random random)
    {
        File.WriteAllText(Path.Combine(dir, "requirements.txt"),
            string.Concat(Enumerable.Range(0, 30).Select(i => i % 5 == 0 ? $"pkg-{i}>={Version(random)}\n" : $"pkg-{i}=={Version(random)}\n")));
        File.WriteAllText(Path.Combine(dir, "pyproject.toml"),
            "[project]\nname = \"svc\"\nversion = \"1.0\"\ndependencies = [\n" + string.Concat(Enumerable.Range(0, 10).Select(i => $"  \"pkg-{i}>=1.0\",\n")) + "]\n");
        var lockText = new StringBuilder();
        for (var i = 0; i < 60; i++)
        {
            lockText.Append($"[[package]]\nname = \"pkg-{i}\"\nversion = \"{Version(random)}\"\noptional = false\npython-versions = \">=3.8\"\n\n");
            if (i + 1 < 60) lockText.Append($"[package.dependencies]\npkg-{i + 1} = \"*\"\n\n");
        }
        File.WriteAllText(Path.Combine(dir, "poetry.lock"), lockText.ToString());
    }

    private static void WriteDotnet(string dir, Random random)
    {
        var refs = Enumerable.Range(0, 15).Select(i => ($"Pkg.N{i}", Version(random))).ToList();
        File.WriteAllText(Path.Combine(dir, "App.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n" +
            string.Concat(refs.Select(r => $"    <PackageReference Include=\"{r.Item1}\" Version=\"{r.Item2}\" />\n")) + "  </ItemGroup>\n</Project>\n");
        var lockText = new StringBuilder("{\n  \"version\": 1,\n  \"dependencies\": {\n    \"net8.0\": {\n");
        lockText.Append(string.Join(",\n", refs.Select(r => $"      \"{r.Item1}\": {{ \"type\": \"Direct\", \"requested\": \"[{r.Item2}, )\", \"resolved\": \"{r.Item2}\" }}")
            .Concat(Enumerable.Range(15, 40).Select(i => $"      \"Pkg.N{i}\": {{ \"type\": \"Transitive\", \"resolved\": \"{Version(random)}\" }}"))));
        lockText.Append("\n    }\n  }\n}\n");
        File.WriteAllText(Path.Combine(dir, "packages.lock.json"), lockText.ToString());
    }

    private static string GenerateOsv(string path, int advisories)
    {
        var ecosystems = new[] { ("npm", "pkg-"), ("PyPI", "pkg_"), ("NuGet", "Pkg.N") };
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        for (var i = 0; i < advisories; i++)
        {
            var (ecosystem, prefix) = ecosystems[i % 3];
            // Most advisories name packages the workspace does not use, as in a real export.
            var name = i % 50 == 0 ? $"{prefix}{i % 120}" : $"unrelated-{i}";
            var entry = zip.CreateEntry($"BENCH-{i}.json", CompressionLevel.Fastest);
            using var writer = new StreamWriter(entry.Open());
            writer.Write($$"""
                {"id":"BENCH-{{i}}","aliases":["CVE-2099-{{i:D5}}"],"summary":"generated advisory {{i}}",
                 "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"}],
                 "affected":[{"package":{"ecosystem":"{{ecosystem}}","name":"{{name}}"},
                   "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.{{i % 20}}.0"}]}]}]}
                """);
        }
        return path;
    }
}
