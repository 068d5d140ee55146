using System.Text.Json;
using Muster.Agents.Dependencies.Osv;
using Muster.Cli;
using Muster.Cli.Commands;
using Muster.Tests.Agents.Dependencies.OsvUpdate;

namespace Muster.Tests.Cli;

/// <summary><c>muster osv update</c> end to end: the command, then an audit that uses what it downloaded.</summary>
public sealed class OsvUpdateCommandTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private string Db => Path.Combine(_tree.Path, "osv");

    private string Workspace()
    {
        _tree.Write("ws/package.json", """{ "name": "app", "dependencies": { "lodash": "4.17.20" } }""");
        _tree.Write("ws/package-lock.json", """
            { "name": "app", "lockfileVersion": 3, "packages": {
              "": { "name": "app", "dependencies": { "lodash": "4.17.20" } },
              "node_modules/lodash": { "version": "4.17.20" } } }
            """);
        return Path.Combine(_tree.Path, "ws");
    }

    private static byte[] LodashExport() => OsvExports.Zip(
        OsvExports.Advisory("GHSA-test-lodash-0001", "npm", "lodash", "4.17.21", DateTimeOffset.UtcNow.AddDays(-2)));

    [Fact]
    public async Task An_unknown_ecosystem_is_a_usage_error_with_a_suggestion()
    {
        var (code, _, err) = await CliRunner.RunAsync("osv", "update", "--ecosystems", "npm,pypl", "--dir", Db, "--url", "http://127.0.0.1:9");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("unknown ecosystem 'pypl'; did you mean 'PyPI'?", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Db));
    }

    [Fact]
    public async Task A_failed_ecosystem_exits_1_and_the_others_are_still_updated()
    {
        await using var bucket = new FakeOsvBucket();
        bucket.Serve("npm", LodashExport(), DateTimeOffset.UtcNow.AddDays(-1));

        var (code, stdout, err) = await CliRunner.RunAsync("osv", "update", "-e", "npm,NuGet", "--dir", Db, "--url", bucket.BaseUrl);

        Assert.Equal(ExitCodes.GateFailed, code);
        Assert.Contains("npm: updated: 1 advisory", stdout, StringComparison.Ordinal);
        Assert.Contains($"NuGet: FAILED: HTTP 404 Not Found from {bucket.BaseUrl}/NuGet/all.zip", stdout, StringComparison.Ordinal);
        Assert.Contains($"OSV database: {Db} (pass --osv-db {Db} to muster audit)", stdout, StringComparison.Ordinal);
        Assert.Contains($"npm: downloading {bucket.BaseUrl}/npm/all.zip", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_audit_against_the_updated_database_finds_the_vulnerability_and_says_how_fresh_it_is()
    {
        await using var bucket = new FakeOsvBucket();
        var lastModified = DateTimeOffset.UtcNow.AddDays(-3);
        bucket.Serve("npm", LodashExport(), lastModified);
        var (updated, _, updateErr) = await CliRunner.RunAsync("osv", "update", "-e", "npm", "--dir", Db, "--url", bucket.BaseUrl);
        Assert.True(updated == 0, updateErr);

        var output = Path.Combine(_tree.Path, "out");
        var (code, _, err) = await CliRunner.RunAsync("audit", Workspace(), "--state", Path.Combine(_tree.Path, "state"), "--output", output,
            "--format", "md,json", "--osv-db", Db, "--quiet");

        Assert.True(code is 0 or 1, err);
        var report = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains("lodash 4.17.20 has known vulnerability GHSA-test-lodash-0001", report, StringComparison.Ordinal);
        Assert.Contains($"npm: 1 advisory as of {lastModified.UtcDateTime:yyyy-MM-dd} (3 days old)", report, StringComparison.Ordinal);
        Assert.Contains($"OSV documents from {Db};", report, StringComparison.Ordinal);
        Assert.DoesNotContain("DEP-OSV-STALE", report, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
        var agent = json.RootElement.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "dependencies");
        Assert.Equal(3, agent.GetProperty("metrics").GetProperty("osv_age_days_npm").GetDouble());
        Assert.Equal(1, agent.GetProperty("metrics").GetProperty("osv_advisories_npm").GetDouble());
    }

    [Fact]
    public async Task A_recorded_export_older_than_the_threshold_is_a_medium_stale_finding()
    {
        await using var bucket = new FakeOsvBucket();
        bucket.Serve("npm", LodashExport(), DateTimeOffset.UtcNow.AddDays(-30));
        await CliRunner.RunAsync("osv", "update", "-e", "npm", "--dir", Db, "--url", bucket.BaseUrl);

        var output = Path.Combine(_tree.Path, "out");
        var (code, _, err) = await CliRunner.RunAsync("audit", Workspace(), "--state", Path.Combine(_tree.Path, "state"), "--output", output,
            "--format", "json", "--osv-db", Path.Combine(Db, "npm", "all.zip"), "--quiet");

        Assert.True(code is 0 or 1, err);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
        var stale = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "DEP-OSV-STALE");
        Assert.Equal("MEDIUM", stale.GetProperty("severity").GetString());
        Assert.Contains("(30 days old, date from the export's Last-Modified), over the 7-day threshold", stale.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_cache_is_used_when_no_osv_db_is_given_and_the_report_says_so()
    {
        await using var bucket = new FakeOsvBucket();
        bucket.Serve("npm", LodashExport(), DateTimeOffset.UtcNow.AddDays(-1));
        var cacheHome = Path.Combine(_tree.Path, "cache");
        var environment = new Dictionary<string, string> { ["XDG_CACHE_HOME"] = cacheHome, [Muster.Agents.Dependencies.OsvUpdate.OsvEcosystems.BaseUrlVariable] = bucket.BaseUrl };
        var workspace = Workspace();

        using (var update = MusterProcess.Start(_tree.Path, environment, "osv", "update", "-e", "npm"))
        {
            Assert.True(await update.WaitAsync(TimeSpan.FromMinutes(2)) == 0, update.Stderr + update.Stdout);
            Assert.Contains($"OSV database: {Path.Combine(cacheHome, "muster", "osv")} (muster audit uses it when no --osv-db is given)", update.Stdout, StringComparison.Ordinal);
        }
        var output = Path.Combine(_tree.Path, "out");
        using var audit = MusterProcess.Start(_tree.Path, environment, "audit", workspace, "--state", Path.Combine(_tree.Path, "state"), "--output", output, "--format", "md", "--quiet");
        var code = await audit.WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(code is 0 or 1, audit.Stderr);
        var report = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains("GHSA-test-lodash-0001", report, StringComparison.Ordinal);
        Assert.Contains($"from {Path.Combine(cacheHome, "muster", "osv")} (the default cache written by muster osv update, used because no osv-db was given)", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "https://osv-vulnerabilities.storage.googleapis.com/")]
    [InlineData(null, "http://mirror.internal/osv", "http://mirror.internal/osv")]
    [InlineData("https://cli.example/osv/", "http://mirror.internal/osv", "https://cli.example/osv/")]
    public void The_url_option_wins_over_the_environment_which_wins_over_the_public_bucket(string? option, string? environment, string expected) =>
        Assert.Equal(expected, OsvCommand.BaseUrl(option, name => name == Muster.Agents.Dependencies.OsvUpdate.OsvEcosystems.BaseUrlVariable ? environment : null).AbsoluteUri);

    [Fact]
    public void A_url_that_is_not_http_is_a_usage_error() =>
        Assert.Contains("MUSTER_OSV_URL: 'ftp://x' is not an http(s) URL", Assert.Throws<UsageException>(() => OsvCommand.BaseUrl(null, _ => "ftp://x")).Message, StringComparison.Ordinal);

    [Fact]
    public void The_cache_folder_follows_xdg_then_home()
    {
        Assert.Equal("/xdg/muster/osv", OsvCacheFolder.Default(n => n == "XDG_CACHE_HOME" ? "/xdg" : n == "HOME" ? "/home/u" : null));
        Assert.Equal("/home/u/.cache/muster/osv", OsvCacheFolder.Default(n => n == "XDG_CACHE_HOME" ? "relative" : n == "HOME" ? "/home/u" : null));
    }

    [Fact]
    public void Ecosystems_are_spelt_as_osv_spells_them_once_each() =>
        Assert.Equal(["PyPI", "npm", "crates.io"], OsvCommand.Ecosystems(["pypi,NPM", "crates.io", "PyPI"]));
}
