using System.IO.Compression;
using Muster.Agents.Dependencies.Osv;
using Muster.Formats.Limits;
using Muster.Formats.Packages.Model;

namespace Muster.Tests.Agents.Dependencies;

/// <summary>Record-per-line OSV databases: JSON Lines and renovate's osv-offline NeDB files.</summary>
public sealed class OsvLinesTests
{
    private static readonly HashSet<(Ecosystem, string)> Wanted = [(Ecosystem.Npm, "lodash"), (Ecosystem.PyPI, "requests")];

    private static string Record(string id, string ecosystem, string name, string nedbId, string modified = "2026-11-01T00:00:00Z") =>
        $$"""{"id":"{{id}}","modified":"{{modified}}","affected":[{"package":{"ecosystem":"{{ecosystem}}","name":"{{name}}"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"9.9.9"}]}]}],"_id":"{{nedbId}}"}""";

    [Fact]
    public void A_nedb_file_is_read_with_its_bookkeeping_lines_skipped_and_applied()
    {
        using var tree = new TempTree();
        var file = tree.Write("osv/npm.nedb", string.Join('\n',
            Record("GHSA-1", "npm", "lodash", "a1"),
            Record("GHSA-2", "npm", "lodash", "a2"),
            Record("GHSA-3", "npm", "left-pad", "a3"),
            """{"$$indexCreated":{"fieldName":"affected.package.name","unique":false,"sparse":false}}""",
            """{"$$deleted":true,"_id":"a2"}""",
            Record("GHSA-1-REVISED", "npm", "lodash", "a1", "2026-12-01T00:00:00Z"),
            "") + "\n");

        var db = OsvDatabase.Load(file, Wanted, CancellationToken.None);

        Assert.Empty(db.Errors);
        Assert.Equal("GHSA-1-REVISED", Assert.Single(db.For(Ecosystem.Npm, "lodash")).Id);
        Assert.Equal(1, db.AdvisoriesKept);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), db.Ecosystems["npm"].NewestModified);
        Assert.EndsWith("npm.nedb:6", db.For(Ecosystem.Npm, "lodash")[0].Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_are_recognised_by_content_whatever_the_file_is_called()
    {
        using var tree = new TempTree();
        tree.Write("db/npm.json", Record("GHSA-1", "npm", "lodash", "x1") + "\n" + Record("GHSA-2", "npm", "lodash", "x2") + "\n");
        tree.Write("db/pypi", Record("PYSEC-1", "PyPI", "requests", "y1") + "\r\n");
        tree.Write("db/pretty.json", "{\n  \"id\": \"GHSA-3\",\n  \"affected\": [{\"package\": {\"ecosystem\": \"npm\", \"name\": \"lodash\"}}]\n}\n");
        tree.Write("db/notes.txt", "not read");

        var db = OsvDatabase.Load(Path.Combine(tree.Path, "db"), Wanted, CancellationToken.None);

        Assert.Empty(db.Errors);
        Assert.Equal(["GHSA-1", "GHSA-2", "GHSA-3"], db.For(Ecosystem.Npm, "lodash").Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal("PYSEC-1", Assert.Single(db.For(Ecosystem.PyPI, "requests")).Id);
        Assert.Equal(4, db.DocumentsParsed);
    }

    [Fact]
    public void The_osv_offline_zip_of_nedb_files_is_read()
    {
        using var tree = new TempTree();
        var zipPath = Path.Combine(tree.Path, "osv-offline.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            foreach (var (name, text) in new[] { ("npm.nedb", Record("GHSA-1", "npm", "lodash", "n1")), ("pypi.nedb", Record("PYSEC-1", "PyPI", "requests", "p1")) })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text + "\n");
            }
        }

        var db = OsvDatabase.Load(zipPath, Wanted, CancellationToken.None);

        Assert.Empty(db.Errors);
        Assert.Single(db.For(Ecosystem.Npm, "lodash"));
        Assert.Single(db.For(Ecosystem.PyPI, "requests"));
        Assert.Null(OsvDatabase.WhyUnusable(zipPath));
    }

    [Fact]
    public void An_over_long_line_and_a_broken_line_are_errors_and_the_rest_is_read()
    {
        using var tree = new TempTree();
        var file = Path.Combine(tree.Path, "npm.jsonl");
        using (var writer = new StreamWriter(file))
        {
            writer.Write("{\"id\":\"HUGE\",\"summary\":\"");
            var block = new string('x', 1024 * 1024);
            for (long written = 0; written <= InputLimits.OsvMaxDocumentBytes * 4; written += block.Length) writer.Write(block);
            writer.Write("\"}\n");
            writer.Write("{\"id\": \"broken\n");
            writer.Write(Record("GHSA-1", "npm", "lodash", "z1") + "\n");
        }
        var before = GC.GetAllocatedBytesForCurrentThread();

        var db = OsvDatabase.Load(file, Wanted, CancellationToken.None);

        Assert.Equal("GHSA-1", Assert.Single(db.For(Ecosystem.Npm, "lodash")).Id);
        Assert.Contains(db.Errors, e => e.Contains("over the", StringComparison.Ordinal) && e.Contains("line 1", StringComparison.Ordinal));
        Assert.Contains(db.Errors, e => e.Contains("npm.jsonl:2", StringComparison.Ordinal));
        // At most the 16 MiB line budget is buffered (grown by doubling), never the 64 MiB line.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < InputLimits.OsvMaxDocumentBytes * 3, "the long line must not be held whole");
    }

    [Fact]
    public void The_download_record_is_not_read_as_an_advisory()
    {
        using var tree = new TempTree();
        tree.Write($"db/{OsvFiles.MetadataFileName}", """{"version":1,"ecosystems":[]}""");

        Assert.Equal(OsvDatabase.NoAdvisoryFiles, OsvDatabase.WhyUnusable(Path.Combine(tree.Path, "db")));
    }
}
