using System.IO.Compression;
using System.Text.Json;
using Muster.Agents.Dependencies.Osv;
using Muster.Formats.Packages.Model;
using Muster.Formats.Packages.Versions;

namespace Muster.Tests.Agents.Dependencies;

public sealed class OsvTests
{
    private static OsvAffected Affected(string json)
    {
        using var doc = JsonDocument.Parse($$"""{"id":"TEST-1","affected":[{{json}}]}""");
        return OsvReader.Read(doc.RootElement, "test").Affected.Single();
    }

    [Theory]
    [InlineData("4.17.20", true)]
    [InlineData("0.0.1", true)]
    [InlineData("4.17.21", false)]
    [InlineData("5.0.0", false)]
    public void Introduced_zero_and_fixed(string version, bool expected)
    {
        var a = Affected("""{"package":{"ecosystem":"npm","name":"lodash"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"4.17.21"}]}]}""");
        Assert.Equal(expected, OsvMatcher.IsAffected(a, version, NpmVersionScheme.Instance));
    }

    [Theory]
    [InlineData("1.0", false)]
    [InlineData("1.2", true)]
    [InlineData("1.4.2", true)]
    [InlineData("1.4.3", false)]
    [InlineData("2.0.dev1", true)]
    [InlineData("2.1", false)]
    [InlineData("3.0", true)]
    public void Several_intervals_with_last_affected_in_pep440_order(string version, bool expected)
    {
        // Events deliberately unsorted: the algorithm sorts them by version first.
        var a = Affected("""
            {"package":{"ecosystem":"PyPI","name":"Some_Pkg"},"ranges":[{"type":"ECOSYSTEM","events":[
              {"introduced":"2.0.dev0"},{"last_affected":"1.4.2"},{"introduced":"1.2"},{"fixed":"2.1"},{"introduced":"3.0"}]}]}
            """);
        Assert.Equal(expected, OsvMatcher.IsAffected(a, version, Pep440VersionScheme.Instance));
    }

    [Theory]
    [InlineData("1.5.0", true)]
    [InlineData("2.0.0", false)]
    public void Limit_caps_the_range(string version, bool expected)
    {
        var a = Affected("""{"package":{"ecosystem":"npm","name":"x"},"ranges":[{"type":"SEMVER","events":[{"introduced":"1.0.0"},{"limit":"2.0.0"}]}]}""");
        Assert.Equal(expected, OsvMatcher.IsAffected(a, version, NpmVersionScheme.Instance));
    }

    [Fact]
    public void Versions_list_and_git_ranges()
    {
        var a = Affected("""{"package":{"ecosystem":"NuGet","name":"X"},"versions":["1.0.0","1.0.1"],"ranges":[{"type":"GIT","repo":"r","events":[{"introduced":"0"}]}]}""");
        Assert.True(OsvMatcher.IsAffected(a, "1.0.1", NuGetVersionScheme.Instance));
        Assert.True(OsvMatcher.IsAffected(a, "1.0.1.0", NuGetVersionScheme.Instance));
        Assert.False(OsvMatcher.IsAffected(a, "1.0.2", NuGetVersionScheme.Instance));
    }

    [Fact]
    public void Intervals_agree_with_the_event_walk()
    {
        var a = Affected("""
            {"package":{"ecosystem":"PyPI","name":"p"},"ranges":[{"type":"ECOSYSTEM","events":[
              {"introduced":"1.2"},{"last_affected":"1.4.2"},{"introduced":"2.0.dev0"},{"fixed":"2.1"},{"introduced":"3.0"}]}],"versions":["0.9"]}
            """);
        var scheme = Pep440VersionScheme.Instance;
        var intervals = OsvMatcher.Intervals(a, scheme);
        foreach (var v in new[] { "0.5", "0.9", "1.1", "1.2", "1.3", "1.4.2", "1.4.3", "2.0a1", "2.0", "2.1", "2.5", "3.0", "9.9" })
        {
            Assert.Equal(OsvMatcher.IsAffected(a, v, scheme), intervals.Any(i => i.Contains(v, scheme)));
        }
    }

    [Fact]
    public void Database_reads_folders_and_zips_keeps_only_wanted_packages_and_normalises_pypi_names()
    {
        using var ws = new TempWorkspace()
            .Write("db/npm/A-1.json", """{"id":"A-1","aliases":["CVE-2000-0001"],"affected":[{"package":{"ecosystem":"npm","name":"wanted"}}]}""")
            .Write("db/npm/A-2.json", """{"id":"A-2","affected":[{"package":{"ecosystem":"npm","name":"other"}}]}""")
            .Write("db/npm/broken.json", """{"id": "B", "affected": [""")
            .Write("db/npm/W-1.json", """{"id":"W-1","withdrawn":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"wanted"}}]}""");
        var zipPath = Path.Combine(ws.Root, "db", "PyPI", "all.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(zipPath)!);
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            var entry = zip.CreateEntry("PYSEC-1.json");
            using var writer = new StreamWriter(entry.Open());
            writer.Write("""{"id":"PYSEC-1","affected":[{"package":{"ecosystem":"PyPI","name":"Python_Jose"}}]}""");
        }
        var wanted = new HashSet<(Ecosystem, string)> { (Ecosystem.Npm, "wanted"), (Ecosystem.PyPI, "python-jose") };
        var db = OsvDatabase.Load(Path.Combine(ws.Root, "db"), wanted, CancellationToken.None);
        Assert.Equal(5, db.DocumentsRead);
        Assert.Equal(2, db.AdvisoriesKept);
        Assert.Equal("A-1", Assert.Single(db.For(Ecosystem.Npm, "wanted")).Id);
        Assert.Empty(db.For(Ecosystem.Npm, "other"));
        var pysec = Assert.Single(db.For(Ecosystem.PyPI, "python.jose"));
        Assert.EndsWith("all.zip!PYSEC-1.json", pysec.Source);
        Assert.Contains(db.Errors, e => e.Contains("broken.json"));
    }
}
