using System.Diagnostics;
using System.IO.Compression;
using Muster.Agents.Dependencies.Osv;
using Muster.Formats.Limits;
using Muster.Formats.Packages.Model;

namespace Muster.Tests.Agents.Dependencies;

/// <summary>Hostile OSV databases: bounded, reported, never a crash, a hang or a silent "clean".</summary>
public class OsvBoundsTests
{
    private const string Advisory = """{"id":"T-1","affected":[{"package":{"ecosystem":"npm","name":"lodash"}}]}""";
    private static readonly HashSet<(Ecosystem, string)> Wanted = [(Ecosystem.Npm, "lodash")];

    private static void WriteZip(string path, params (string Name, long Bytes, string? Text)[] entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes, text) in entries)
        {
            using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            if (text is not null) { stream.Write(System.Text.Encoding.UTF8.GetBytes(text)); continue; }
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (long written = 0; written < bytes; written += spaces.Length) stream.Write(spaces);
        }
    }

    [Fact]
    public void A_zip_bomb_entry_is_refused_by_size_and_the_rest_is_read()
    {
        using var tree = new TempTree();
        var zip = Path.Combine(tree.Path, "db", "all.zip");
        WriteZip(zip, ("bomb.json", InputLimits.OsvMaxDocumentBytes * 2, null), ("T-1.json", 0, Advisory));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var db = OsvDatabase.Load(Path.Combine(tree.Path, "db"), Wanted, CancellationToken.None);

        Assert.Contains(db.Errors, e => e.Contains("bomb.json", StringComparison.Ordinal) && e.Contains("budget", StringComparison.Ordinal));
        Assert.Equal("T-1", Assert.Single(db.For(Ecosystem.Npm, "lodash")).Id);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < InputLimits.OsvMaxDocumentBytes, "the bomb must not be inflated");
    }

    [Fact]
    public void A_truncated_zip_is_an_error_and_leaves_the_database_unusable()
    {
        using var tree = new TempTree();
        var zip = Path.Combine(tree.Path, "all.zip");
        WriteZip(zip, ("T-1.json", 0, Advisory), ("T-2.json", 0, Advisory.Replace("T-1", "T-2", StringComparison.Ordinal)));
        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..(bytes.Length / 2)]);

        var db = OsvDatabase.Load(zip, Wanted, CancellationToken.None);

        Assert.Contains("truncated", Assert.Single(db.Errors), StringComparison.Ordinal);
        Assert.Equal(0, db.DocumentsParsed);
        Assert.Contains("truncated", OsvDatabase.WhyUnusable(zip), StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_declaring_more_entries_than_the_budget_is_refused_before_it_is_opened()
    {
        using var tree = new TempTree();
        var zip = Path.Combine(tree.Path, "all.zip");
        WriteZip(zip, ("T-1.json", 0, Advisory));
        // Rewrite the end record's counts to 0xFFFF without a zip64 locator: the directory claims 65,535 entries.
        var bytes = File.ReadAllBytes(zip);
        var end = bytes.Length - 22;
        bytes[end + 8] = bytes[end + 9] = bytes[end + 10] = bytes[end + 11] = 0xFF;
        File.WriteAllBytes(zip, bytes);

        Assert.Equal(ushort.MaxValue, ZipDirectory.EntryCount(zip));
        var db = OsvDatabase.Load(zip, Wanted, CancellationToken.None);

        Assert.NotEmpty(db.Errors);
    }

    [Fact]
    public async Task A_fifo_in_the_database_folder_is_an_error_not_a_hang()
    {
        using var tree = new TempTree();
        tree.Write("db/T-1.json", Advisory);
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(tree.Path, "db", "pipe.json")))
        {
            await mkfifo.WaitForExitAsync();
        }

        var load = Task.Run(() => OsvDatabase.Load(Path.Combine(tree.Path, "db"), Wanted, CancellationToken.None));
        var finished = await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.Same(load, finished);
        var db = await load;
        Assert.Contains(db.Errors, e => e.Contains("pipe.json", StringComparison.Ordinal) && e.Contains("a FIFO", StringComparison.Ordinal));
        Assert.Single(db.For(Ecosystem.Npm, "lodash"));
    }

    [Fact]
    public void An_empty_database_is_unusable_and_a_readable_one_is_not()
    {
        using var tree = new TempTree();
        Directory.CreateDirectory(Path.Combine(tree.Path, "empty"));
        tree.Write("good/T-1.json", Advisory);
        tree.Write("broken/T-1.json", "{\"id\": ");

        Assert.Equal(OsvDatabase.NoAdvisoryFiles, OsvDatabase.WhyUnusable(Path.Combine(tree.Path, "empty")));
        Assert.Null(OsvDatabase.WhyUnusable(Path.Combine(tree.Path, "good")));
        Assert.Contains("T-1.json", OsvDatabase.WhyUnusable(Path.Combine(tree.Path, "broken")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_database_given_to_the_agent_is_a_medium_unchecked_finding()
    {
        using var ws = new TempWorkspace()
            .Write("package-lock.json", """{ "lockfileVersion": 3, "packages": { "": { "name": "a" }, "node_modules/lodash": { "version": "4.17.20" } } }""")
            .Write("osv/T-1.json", "{\"id\": ");

        var result = await AgentRunner.Run(ws.Root, new Dictionary<string, string> { ["osv-db"] = Path.Combine(ws.Root, "osv") });

        var unchecked_ = Assert.Single(result.Findings, f => f.RuleId == "DEP-VULN-UNCHECKED");
        Assert.Equal(Muster.Model.Severity.Medium, unchecked_.Severity);
        Assert.Equal("OSV database holds no readable advisory", unchecked_.Title);
    }
}
