using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Muster.Agents.Dependencies.Osv;
using Muster.Model;

namespace Muster.Agents.Dependencies.OsvUpdate;

/// <summary>
/// Downloads the ecosystems' <c>all.zip</c> exports into the database folder. Each export goes to a temporary file in
/// the same folder, is read back as an OSV database (within the reader's zip-bomb and entry budgets) and replaces the
/// previous one only by an atomic rename: a failed, truncated or interrupted download leaves the previous database
/// whole. The server's ETag and Last-Modified are sent back, so an unchanged export is not downloaded again.
/// </summary>
public sealed class OsvUpdater(OsvUpdateOptions options)
{
    public const string ExportFileName = "all.zip";
    private const string LockFileName = ".muster-osv.lock";
    private const string PartialSuffix = ".partial";

    public async Task<IReadOnlyList<OsvUpdateResult>> RunAsync(IOsvUpdateProgress progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Directory);
        using var exclusive = Lock();
        using var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.None,
            MaxAutomaticRedirections = 5,
        };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("muster", MusterVersion.Current));
        var results = new List<OsvUpdateResult>();
        foreach (var ecosystem in options.Ecosystems)
        {
            var url = OsvEcosystems.ExportUrl(options.BaseUrl, ecosystem);
            progress.Started(ecosystem, url);
            var result = await UpdateAsync(client, ecosystem, url, progress, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            progress.Finished(result);
            if (cancellationToken.IsCancellationRequested) break;
        }
        return results;
    }

    private FileStream Lock()
    {
        var path = Path.Combine(options.Directory, LockFileName);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"another `muster osv update` is writing {options.Directory} ({e.Message}); wait for it to finish", e);
        }
    }

    private async Task<OsvUpdateResult> UpdateAsync(HttpClient client, string ecosystem, Uri url, IOsvUpdateProgress progress, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(options.Directory, ecosystem);
        var target = Path.Combine(folder, ExportFileName);
        var partial = $"{target}.{Guid.NewGuid():N}{PartialSuffix}";
        using var totalLimit = new CancellationTokenSource(options.TotalTimeout, options.Time);
        using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, totalLimit.Token);
        using var idle = new IdleDeadline(options.IdleTimeout, options.Time, total.Token);
        try
        {
            Directory.CreateDirectory(folder);
            RemoveLeftovers(folder);
            var previous = File.Exists(target) ? OsvDownloadMetadata.Read(options.Directory).GetValueOrDefault(ecosystem) : null;
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (previous?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
            if (previous?.LastModified is { } lastModified) request.Headers.IfModifiedSince = lastModified;

            idle.Restart();
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
            var now = options.Time.GetUtcNow();
            if (response.StatusCode == HttpStatusCode.NotModified && previous is not null)
            {
                OsvDownloadMetadata.Save(options.Directory, previous with { CheckedAt = now });
                return new OsvUpdateResult(ecosystem, OsvUpdateOutcome.Unchanged,
                    $"unchanged since {Date(previous.AsOf)} ({OsvFreshness.Count(previous.Advisories, "advisory", "advisories")}, {OsvFreshness.DaysOld(OsvFreshness.Age(previous.AsOf, now))}); not downloaded again", previous);
            }
            if (!response.IsSuccessStatusCode) return Failed(ecosystem, HttpFailure(response, url));
            var length = response.Content.Headers.ContentLength;
            if (length > options.MaxBytes) return Failed(ecosystem, $"the export is {Size(length.Value)}, over the {Size(options.MaxBytes)} cap; not downloaded");

            var (bytes, sha256) = await DownloadAsync(response, partial, ecosystem, length, progress, idle, total.Token).ConfigureAwait(false);
            if (bytes > options.MaxBytes) return Failed(ecosystem, $"the export is over the {Size(options.MaxBytes)} cap; download stopped");
            if (length is { } expected && bytes != expected) return Failed(ecosystem, $"truncated download: {bytes:N0} of {expected:N0} bytes received");

            var survey = OsvDatabase.Survey(partial, total.Token);
            if (OsvFiles.Detect(partial, named: true) != OsvFileKind.Zip || survey.DocumentsParsed == 0)
            {
                var why = survey.Errors.Count > 0 ? string.Join("; ", survey.Errors.Take(2).Select(e => e.Replace(partial, "the download", StringComparison.Ordinal))) : "no OSV advisory in it";
                return Failed(ecosystem, $"the download is not a usable OSV export ({why})");
            }
            var download = new OsvEcosystemDownload
            {
                Ecosystem = ecosystem,
                Url = url.AbsoluteUri,
                File = $"{ecosystem}/{ExportFileName}",
                DownloadedAt = now,
                LastModified = response.Content.Headers.LastModified,
                ETag = response.Headers.ETag?.ToString(),
                Advisories = survey.DocumentsParsed,
                NewestModified = survey.Ecosystems.Values.Select(s => s.NewestModified).Max(),
                Sha256 = sha256,
                Bytes = bytes,
            };
            File.Move(partial, target, overwrite: true);
            OsvDownloadMetadata.Save(options.Directory, download);
            var unread = survey.Errors.Count > 0 ? $"; {survey.Errors.Count:N0} entries unreadable" : "";
            return new OsvUpdateResult(ecosystem, OsvUpdateOutcome.Updated,
                $"updated: {OsvFreshness.Count(download.Advisories, "advisory", "advisories")}, {Size(bytes)}, as of {Date(download.AsOf)} ({OsvFreshness.DaysOld(OsvFreshness.Age(download.AsOf, now))}){unread}", download);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Failed(ecosystem, "interrupted");
        }
        catch (OperationCanceledException) when (total.IsCancellationRequested)
        {
            return Failed(ecosystem, $"timed out after {options.TotalTimeout.TotalSeconds:0} s in all");
        }
        catch (OperationCanceledException)
        {
            return Failed(ecosystem, $"timed out: no data from {url.Host} for {options.IdleTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return Failed(ecosystem, NetworkFailure(e, url));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(ecosystem, $"cannot write {folder}: {e.Message}");
        }
        finally
        {
            TryDelete(partial);
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        }
    }

    private async Task<(long Bytes, string Sha256)> DownloadAsync(HttpResponseMessage response, string partial, string ecosystem, long? length,
        IOsvUpdateProgress progress, IdleDeadline idle, CancellationToken total)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var body = await response.Content.ReadAsStreamAsync(idle.Token).ConfigureAwait(false);
        await using var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        long bytes = 0, reported = 0;
        progress.Received(ecosystem, 0, length);
        while (true)
        {
            idle.Restart();
            int read;
            try
            {
                read = await body.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new HttpRequestException(HttpRequestError.ResponseEnded, e.Message, e);
            }
            if (read == 0) break;
            bytes += read;
            if (bytes > options.MaxBytes) return (bytes, "");
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), total).ConfigureAwait(false);
            if (bytes - reported >= 1 << 18)
            {
                progress.Received(ecosystem, bytes, length);
                reported = bytes;
            }
        }
        await file.FlushAsync(total).ConfigureAwait(false);
        file.Flush(flushToDisk: true);
        progress.Received(ecosystem, bytes, length);
        return (bytes, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Temporary files of a download that was killed (no finally ran): never a database.</summary>
    private static void RemoveLeftovers(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, ExportFileName + ".*" + PartialSuffix)) TryDelete(file);
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static OsvUpdateResult Failed(string ecosystem, string why) =>
        new(ecosystem, OsvUpdateOutcome.Failed, $"FAILED: {why}; the previous database (if any) is kept", null);

    private static string HttpFailure(HttpResponseMessage response, Uri url)
    {
        var code = (int)response.StatusCode;
        var text = $"HTTP {code.ToString(CultureInfo.InvariantCulture)} {response.ReasonPhrase} from {url}";
        return response.StatusCode == HttpStatusCode.NotFound ? text + " (no export at this address: check the ecosystem and --url)"
            : code >= 500 ? text + " (the server failed; try again later)"
            : text;
    }

    private static string NetworkFailure(HttpRequestException e, Uri url) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => $"cannot resolve host '{url.Host}' (DNS): no network, or a wrong --url",
        HttpRequestError.ConnectionError => $"cannot connect to {url.Host}:{url.Port.ToString(CultureInfo.InvariantCulture)} ({Inner(e)})",
        HttpRequestError.SecureConnectionError => $"TLS with {url.Host} failed ({Inner(e)})",
        HttpRequestError.ResponseEnded => $"the connection to {url.Host} closed before the export was complete",
        _ => $"{e.Message} ({url})",
    };

    private static string Inner(Exception e) => (e.InnerException ?? e).Message;

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Size(long bytes) => bytes >= 1 << 20
        ? (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB";
}
