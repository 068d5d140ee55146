using System.Diagnostics;
using System.Globalization;
using System.Text;
using Muster.SecretsCorpus;

namespace Muster.Bench;

/// <summary>
/// Builds a repository of many commits in one <c>git fast-import</c> stream: each commit rewrites two files of a pool
/// of Python-like sources; every 500th commit adds a file holding a provider-shaped key (built at run time from a
/// prefix and seeded random characters) that the next commit deletes again.
/// </summary>
internal static class SyntheticHistory
{
    private const int LeakEvery = 500;

    /// <summary>Builds the repository at <paramref name="root"/>; returns the paths of the planted (and deleted) key files.</summary>
    public static List<string> Build(string root, int commits, int files)
    {
        Directory.CreateDirectory(root);
        Git(root, null, "init", "-q");
        var planted = new List<string>();
        var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["fast-import", "--quiet"]) start.ArgumentList.Add(a);
        using (var process = Process.Start(start)!)
        {
            var errors = process.StandardError.ReadToEndAsync();
            using (var input = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false)) { NewLine = "\n" })
            {
                var random = new Random(14);
                string? leak = null;
                for (var c = 1; c <= commits; c++)
                {
                    var time = 1_600_000_000L + c * 600L;
                    input.Write($"commit refs/heads/main\nmark :{c}\nauthor Bench <bench@example.invalid> {time} +0000\ncommitter Bench <bench@example.invalid> {time} +0000\n");
                    Data(input, $"change {c}\n");
                    if (c > 1) input.Write($"from :{c - 1}\n");
                    for (var k = 0; k < 2; k++)
                    {
                        var file = random.Next(files);
                        input.Write($"M 100644 inline src/pkg{file % 20}/module{file}.py\n");
                        Data(input, Source(random, file, c));
                    }
                    if (leak is not null)
                    {
                        input.Write($"D {leak}\n");
                        leak = null;
                    }
                    else if (c % LeakEvery == 0)
                    {
                        leak = $"config/leak{c}.py";
                        planted.Add(leak);
                        var key = SampleTemplate.Expand("sk-ant-" + "api03-{b64url:93}AA", c);
                        input.Write($"M 100644 inline {leak}\n");
                        Data(input, $"# local settings\nANTHROPIC_API_KEY = \"{key}\"\n");
                    }
                }
            }
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException("git fast-import failed: " + errors.Result);
        }
        Git(root, null, "symbolic-ref", "HEAD", "refs/heads/main");
        Git(root, null, "reset", "-q", "--hard");
        return planted;
    }

    private static string Source(Random random, int file, int commit)
    {
        var text = new StringBuilder($"\"\"\"Module {file}, revision {commit}.\"\"\"\nimport os\n\n");
        var functions = 20 + random.Next(40);
        for (var f = 0; f < functions; f++)
        {
            text.Append(CultureInfo.InvariantCulture, $"def handler_{file}_{f}(request, token_name=\"session\"):\n");
            text.Append(CultureInfo.InvariantCulture, $"    value = request.get(\"key_{random.Next(1000)}\", {random.Next(100000)})\n");
            text.Append("    return os.environ.get(token_name, value)\n\n");
        }
        return text.ToString();
    }

    private static void Data(StreamWriter input, string text)
    {
        input.Write($"data {Encoding.UTF8.GetByteCount(text)}\n");
        input.Write(text);
        input.Write('\n');
    }

    private static void Git(string directory, string? input, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in (string[])["-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "init.defaultBranch=main", .. args]) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {stderr}");
    }
}
