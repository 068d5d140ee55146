using System.Security.Cryptography;
using Muster.Agents.Dependencies.Osv;
using Muster.Agents.Dependencies.OsvUpdate;

namespace Muster.Tests.Agents.Dependencies.OsvUpdate;

/// <summary><c>muster osv update</c>'s downloads against a loopback bucket: what lands, what is kept, what is said.</summary>
public sealed class OsvUpdaterTests
{
    private static readonly DateTimeOffset Published = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private sealed class NoProgress : IOsvUpdateProgress
    {
        public List<(string Ecosystem, long Bytes, long? Total)> Seen { get; } = [];
        public void Started(string ecosystem, Uri url) { }
        public void Received(string ecosystem, long bytes, long? total) => Seen.Add((ecosystem, bytes, total));
        public void Finished(OsvUpdateResult result) { }
    }

    private static Task<IReadOnlyList<OsvUpdateResult>> Update(FakeOsvBucket bucket, string dir, params string[] ecosystems) =>
        Update(bucket, dir, TimeSpan.FromSeconds(60), ecosystems);

    private static Task<IReadOnlyList<OsvUpdateResult>> Update(FakeOsvBucket bucket, string dir, TimeSpan idle, params string[] ecosystems) =>
        new OsvUpdater(new OsvUpdateOptions
        {
            Directory = dir,
            BaseUrl = new Uri(bucket.BaseUrl),
            Ecosystems = ecosystems,
            IdleTimeout = idle,
        }).RunAsync(new NoProgress(), CancellationToken.None);

    private static byte[] NpmExport() => OsvExports.Zip(
        OsvExports.Advisory("GHSA-aaaa-bbbb-0001", "npm", "lodash", "4.17.21", Published),
        OsvExports.Advisory("GHSA-aaaa-bbbb-0002", "npm", "minimist", "1.2.6", Published.AddDays(-3)));

    [Fact]
    public async Task Downloads_verify_and_record_each_export()
    {
        await using var bucket = new FakeOsvBucket();
        using var tree = new TempTree();
        var npm = NpmExport();
        bucket.Serve("npm", npm, Published.AddHours(2));
        bucket.Serve("PyPI", OsvExports.Zip(OsvExports.Advisory("PYSEC-2024-1", "PyPI", "requests", "2.32.0", Published)), Published);

        var results = await Update(bucket, tree.Path, "npm", "PyPI");

        Assert.All(results, r => Assert.Equal(OsvUpdateOutcome.Updated, r.Outcome));
        Assert.Equal(npm, File.ReadAllBytes(Path.Combine(tree.Path, "npm", "all.zip")));
        var record = OsvDownloadMetadata.Read(tree.Path);
        Assert.Equal(2, record["npm"].Advisories);
        Assert.Equal(1, record["PyPI"].Advisories);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(npm)), record["npm"].Sha256);
        Assert.Equal(Published.AddHours(2), record["npm"].LastModified);
        Assert.Equal(Published, record["npm"].NewestModified);
        Assert.Equal($"{bucket.BaseUrl}/npm/all.zip", record["npm"].Url);
        Assert.Contains("updated: 2 advisories", results[0].Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(tree.Path, "*.partial", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task An_unchanged_export_is_not_downloaded_again()
    {
        await using var bucket = new FakeOsvBucket();
        using var tree = new TempTree();
        bucket.Serve("npm", NpmExport(), Published);
        await Update(bucket, tree.Path, "npm");
        var before = File.GetLastWriteTimeUtc(Path.Combine(tree.Path, "npm", "all.zip"));

        var second = Assert.Single(await Update(bucket, tree.Path, "npm"));

        Assert.Equal(OsvUpdateOutcome.Unchanged, second.Outcome);
        Assert.StartsWith("unchanged since 2026-11-30 08:00 UTC", second.Message, StringComparison.Ordinal);
        var conditional = bucket.Requests[^1];
        Assert.NotNull(conditional.IfNoneMatch);
        Assert.NotNull(conditional.IfModifiedSince);
        Assert.Equal(before, File.GetLastWriteTimeUtc(Path.Combine(tree.Path, "npm", "all.zip")));
        Assert.NotNull(OsvDownloadMetadata.Read(tree.Path)["npm"].CheckedAt);
    }

    [Theory]
    [InlineData(404, "HTTP 404")]
    [InlineData(500, "HTTP 500")]
    [InlineData(503, "the server failed")]
    public async Task An_http_error_fails_that_ecosystem_only(int status, string expected)
    {
        await using var bucket = new FakeOsvBucket();
        using var tree = new TempTree();
        bucket.Serve("npm", NpmExport(), Published);
        bucket.Serve("PyPI", [], Published, status);

        var results = await Update(bucket, tree.Path, "PyPI", "npm");

        Assert.Equal(OsvUpdateOutcome.Failed, results[0].Outcome);
        Assert.Contains(expected, results[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', results[0].Message);
        Assert.Equal(OsvUpdateOutcome.Updated, results[1].Outcome);
        Assert.False(Directory.Exists(Path.Combine(tree.Path, "PyPI")));
    }

    [Fact]
    public async Task A_truncated_export_leaves_the_previous_database_whole()
    {
        await using var bucket = new FakeOsvBucket();
        using var tree = new TempTree();
        var good = NpmExport();
        bucket.Serve("npm", good, Published);
        await Update(bucket, tree.Path, "npm");

        // The server sends half a zip as if it were whole (its Content-Length says so): only reading it back can tell.
        var newer = OsvExports.Zip(
            OsvExports.Advisory("GHSA-aaaa-bbbb-0003", "npm", "express", "4.19.2", Published.AddDays(1)),
            OsvExports.Advisory("GHSA-aaaa-bbbb-0004", "npm", "qs", "6.10.3", Published.AddDays(1)));
        bucket.Serve("npm", newer[..(newer.Length / 2)], Published.AddDays(1));
        var result = Assert.Single(await Update(bucket, tree.Path, "npm"));

        Assert.Equal(OsvUpdateOutcome.Failed, result.Outcome);
        Assert.Contains("not a usable OSV export", result.Message, StringComparison.Ordinal);
        Assert.Contains("previous database", result.Message, StringComparison.Ordinal);
        Assert.Equal(good, File.ReadAllBytes(Path.Combine(tree.Path, "npm", "all.zip")));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(good)), OsvDownloadMetadata.Read(tree.Path)["npm"].Sha256);
        Assert.Empty(Directory.EnumerateFiles(tree.Path, "*.partial", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_connection_closed_mid_download_leaves_the_previous_database_whole()
    {
        await using var bucket = new FakeOsvBucket();
        using var tree = new TempTree();
        var good = NpmExport();
        bucket.Serve("npm", good, Published);
        await Update(bucket, tree.Path, "npm");

        bucket.Serve("npm", OsvExports.Zip(OsvExports.Advisory("GHSA-x", "npm", "qs", "6.10.3", Published.AddDays(1))), Published.AddDays(1), fault: FakeOsvBucket.Fault.CutShort);
        var result = Assert.Single(await Update(bucket, tree.Path, "npm"));

        Assert.Equal(OsvUpdateOutcome.Failed, result.Outcome);
        Assert.Equal(good, File.ReadAllBytes(Path.Combine(tree.Path, "npm", "all.zip")));
        Assert.Empty(Directory.EnumerateFiles(tree.Path, "*.partial", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_server_that_stops_sending_times_out()
    {
        await using var bucket = new FakeOsvBucket();
        using var tree = new TempTree();
        bucket.Serve("npm", NpmExport(), Published, fault: FakeOsvBucket.Fault.Stall);

        var result = Assert.Single(await Update(bucket, tree.Path, TimeSpan.FromSeconds(1), "npm"));

        Assert.Equal(OsvUpdateOutcome.Failed, result.Outcome);
        Assert.Contains("timed out: no data from 127.0.0.1 for 1 s", result.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(tree.Path, "npm", "all.zip")));
    }

    [Fact]
    public async Task A_refused_connection_is_one_line()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
        using var tree = new TempTree();
        var results = await new OsvUpdater(new OsvUpdateOptions
        {
            Directory = tree.Path,
            BaseUrl = new Uri($"http://127.0.0.1:{port}"),
            Ecosystems = ["npm"],
        }).RunAsync(new NoProgress(), CancellationToken.None);

        var result = Assert.Single(results);
        Assert.Equal(OsvUpdateOutcome.Failed, result.Outcome);
        Assert.Contains($"cannot connect to 127.0.0.1:{port}", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_html_error_page_served_as_the_export_is_refused()
    {
        await using var bucket = new FakeOsvBucket();
        using var tree = new TempTree();
        bucket.Serve("npm", "<html><body>captive portal</body></html>"u8.ToArray(), Published);

        var result = Assert.Single(await Update(bucket, tree.Path, "npm"));

        Assert.Equal(OsvUpdateOutcome.Failed, result.Outcome);
        Assert.Contains("not a usable OSV export", result.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(tree.Path, "npm", "all.zip")));
    }

    [Fact]
    public async Task Progress_reports_bytes_against_the_content_length()
    {
        await using var bucket = new FakeOsvBucket();
        using var tree = new TempTree();
        var npm = NpmExport();
        bucket.Serve("npm", npm, Published);
        var progress = new NoProgress();

        await new OsvUpdater(new OsvUpdateOptions { Directory = tree.Path, BaseUrl = new Uri(bucket.BaseUrl), Ecosystems = ["npm"] })
            .RunAsync(progress, CancellationToken.None);

        Assert.Equal(("npm", (long)npm.Length, (long?)npm.Length), progress.Seen[^1]);
    }

    [Fact]
    public async Task A_second_update_of_the_same_folder_is_refused_while_the_first_holds_it()
    {
        await using var bucket = new FakeOsvBucket();
        using var tree = new TempTree();
        bucket.Serve("npm", NpmExport(), Published);
        using var held = new FileStream(Path.Combine(tree.Path, ".muster-osv.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var error = await Assert.ThrowsAsync<IOException>(() => Update(bucket, tree.Path, "npm"));

        Assert.Contains("another `muster osv update` is writing", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(tree.Path, "npm", "all.zip")));
    }

    [Fact]
    public async Task A_download_left_by_a_killed_update_is_removed_and_never_read()
    {
        await using var bucket = new FakeOsvBucket();
        using var tree = new TempTree();
        var leftover = tree.Write("npm/all.zip.0123456789abcdef.partial", "PK half a zip");
        bucket.Serve("npm", NpmExport(), Published);

        Assert.Equal(OsvUpdateOutcome.Updated, Assert.Single(await Update(bucket, tree.Path, "npm")).Outcome);

        Assert.False(File.Exists(leftover));
        Assert.Empty(OsvDatabase.Load(tree.Path, new HashSet<(Muster.Formats.Packages.Model.Ecosystem, string)>(), CancellationToken.None).Errors);
    }
}
