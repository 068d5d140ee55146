using System.Text;

namespace Muster.Bench;

/// <summary>Writes a workspace-shaped tree: source files, configs, large logs and some binaries, with a few planted keys.</summary>
internal static class SecretsBenchTree
{
    private const string SourceLine = "    public async Task<Result> HandleAsync(Request request, CancellationToken token) { var user = await _users.FindAsync(request.UserId, token); return Result.Ok(user); }\n";
    private const string ConfigLine = "service:\n  name: api\n  port: 8080\n  password: ${DB_PASSWORD}\n  token_ttl: 3600\n  log_level: info\n";
    private const string LogLine = "2025-12-27T10:00:00.000Z INFO [worker-3] request GET /api/v1/items?page=2 served in 12ms status=200 user=anonymous bytes=5120\n";

    public static (int Files, long Bytes) Measure(string root)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f).Length).ToList();
        return (files.Count, files.Sum());
    }

    public static (int Files, long Bytes) Generate(string root, long totalBytes)
    {
        Console.WriteLine($"generating ~{totalBytes / 1048576} MB tree under {root} ...");
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        var files = 0;
        long bytes = 0;
        var random = new Random(42);
        // ~60% logs in 16 MB files, ~25% source in 40 KB files, ~10% configs in 4 KB files, ~5% binaries in 1 MB files.
        for (var i = 0; bytes < totalBytes * 60 / 100; i++, files++)
            bytes += WriteLog(Path.Combine(root, "logs", $"app-{i:D3}.log"), 16L * 1024 * 1024, i, plantAtEnd: i % 7 == 0);
        for (var i = 0; bytes < totalBytes * 85 / 100; i++, files++)
            bytes += WriteRepeated(Path.Combine(root, "src", $"module{i / 100:D3}", $"Service{i:D5}.cs"), SourceLine, 40 * 1024);
        for (var i = 0; bytes < totalBytes * 95 / 100; i++, files++)
            bytes += WriteRepeated(Path.Combine(root, "config", $"svc{i / 50:D3}", $"settings{i:D5}.yaml"), ConfigLine, 4 * 1024);
        for (var i = 0; bytes < totalBytes; i++, files++)
        {
            var path = Path.Combine(root, "assets", $"blob{i:D4}.bin");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var data = new byte[1024 * 1024];
            random.NextBytes(data);
            data[10] = 0;
            File.WriteAllBytes(path, data);
            bytes += data.Length;
        }
        return (files, bytes);
    }

    public static long WriteLog(string path, long size, int seed, bool plantAtEnd)
    {
        var written = WriteRepeated(path, LogLine, size);
        if (!plantAtEnd) return written;
        var random = new Random(seed);
        var key = "gh" + "p_" + new string(Enumerable.Range(0, 36).Select(_ => (char)('a' + random.Next(26))).ToArray());
        var line = Encoding.UTF8.GetBytes($"2025-12-27T10:00:01.000Z DEBUG env GITHUB_TOKEN={key}\n");
        using var stream = new FileStream(path, FileMode.Append);
        stream.Write(line);
        return written + line.Length;
    }

    private static long WriteRepeated(string path, string line, long size)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var block = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(line, Math.Max(1, (int)(Math.Min(size, 1 << 20) / line.Length)))));
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        long written = 0;
        while (written < size)
        {
            var n = (int)Math.Min(block.Length, size - written);
            stream.Write(block, 0, n);
            written += n;
        }
        return written;
    }
}
