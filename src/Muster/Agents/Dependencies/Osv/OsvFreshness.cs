using System.Globalization;

namespace Muster.Agents.Dependencies.Osv;

/// <summary>How current one ecosystem of a database is.</summary>
internal sealed record OsvFreshness(string Ecosystem, int Advisories, DateTimeOffset? AsOf, string Basis, int? AgeDays, bool Recorded)
{
    /// <summary>
    /// One entry per ecosystem the data names. The date is the download record's (Last-Modified, else newest
    /// <c>modified</c>, else download time) when <c>muster osv update</c> wrote the database, else the newest
    /// <c>modified</c> in the data.
    /// </summary>
    public static IReadOnlyList<OsvFreshness> Of(OsvDatabase database, string databasePath, DateTimeOffset now)
    {
        var folder = OsvDownloadMetadata.FolderOf(databasePath);
        var downloads = folder is null ? new Dictionary<string, OsvEcosystemDownload>() : OsvDownloadMetadata.Read(folder);
        return database.Ecosystems.Select(pair =>
        {
            var (asOf, basis) = downloads.TryGetValue(pair.Key, out var download) ? (download.AsOf, download.AsOfBasis)
                : pair.Value.NewestModified is { } newest ? (newest, "its newest advisory's modified date")
                : ((DateTimeOffset?)null, "no date in the data");
            return new OsvFreshness(pair.Key, pair.Value.Advisories, asOf, basis, asOf is { } at ? Age(at, now) : null, download is not null);
        }).ToList();
    }

    public static int Age(DateTimeOffset asOf, DateTimeOffset now) => Math.Max(0, (int)Math.Floor((now - asOf).TotalDays));

    public static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n.ToString("N0", CultureInfo.InvariantCulture)} {many}";

    public static string DaysOld(int days) => days == 1 ? "1 day old" : $"{days.ToString(CultureInfo.InvariantCulture)} days old";

    /// <summary>"npm: 1,234 advisories as of 2026-12-01 (3 days old)".</summary>
    public override string ToString() =>
        $"{Ecosystem}: {Count(Advisories, "advisory", "advisories")} " +
        (AsOf is { } at ? $"as of {at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({DaysOld(AgeDays!.Value)})" : "of unknown date (no modified dates)");
}
