using System.Text.Json.Serialization;

namespace Muster.Agents.Dependencies.Osv;

/// <summary>What <c>muster osv update</c> recorded about one ecosystem's export.</summary>
public sealed record OsvEcosystemDownload
{
    public required string Ecosystem { get; init; }
    public required string Url { get; init; }

    /// <summary>The export's path relative to the database folder (<c>npm/all.zip</c>).</summary>
    public required string File { get; init; }

    public required DateTimeOffset DownloadedAt { get; init; }

    /// <summary>When the server last said the export was unchanged (HTTP 304).</summary>
    public DateTimeOffset? CheckedAt { get; init; }

    public DateTimeOffset? LastModified { get; init; }
    public string? ETag { get; init; }
    public int Advisories { get; init; }
    public DateTimeOffset? NewestModified { get; init; }
    public required string Sha256 { get; init; }
    public long Bytes { get; init; }

    /// <summary>The date the advisories are current to: the export's Last-Modified, else its newest <c>modified</c>, else the download time.</summary>
    [JsonIgnore]
    public DateTimeOffset AsOf => LastModified ?? NewestModified ?? DownloadedAt;

    [JsonIgnore]
    public string AsOfBasis => LastModified is not null ? "the export's Last-Modified"
        : NewestModified is not null ? "its newest advisory's modified date"
        : "the download time";
}
