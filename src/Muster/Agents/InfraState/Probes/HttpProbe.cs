using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Muster.Agents.InfraState.Probes;

/// <summary>GETs a URL within a time limit; records status, latency and, for https, the server certificate's expiry.</summary>
public static class HttpProbe
{
    public static async Task<ProbeResult> RunAsync(string service, Uri url, int expectedStatus, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        DateTimeOffset? notAfter = null;
        SslPolicyErrors tlsErrors = SslPolicyErrors.None;
        using var handler = new SocketsHttpHandler
        {
            ConnectTimeout = timeout,
            AllowAutoRedirect = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    if (certificate is X509Certificate2 cert) notAfter = new DateTimeOffset(cert.NotAfter.ToUniversalTime(), TimeSpan.Zero);
                    else if (certificate is not null) notAfter = DateTimeOffset.Parse(certificate.GetExpirationDateString(), System.Globalization.CultureInfo.CurrentCulture);
                    tlsErrors = errors;
                    return errors == SslPolicyErrors.None;
                },
            },
        };
        // The time limit is a token on the given clock, not HttpClient.Timeout (which runs on the wall clock).
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var limit = new CancellationTokenSource(timeout, time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        var started = time.GetTimestamp();
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, bounded.Token).ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            var passed = status == expectedStatus;
            return new ProbeResult
            {
                Service = service,
                Kind = "http",
                Target = url.ToString(),
                Passed = passed,
                StatusCode = status,
                Elapsed = elapsed,
                CertificateNotAfter = notAfter,
                Detail = $"HTTP {status} in {elapsed.TotalMilliseconds:0} ms" + (passed ? "" : $" (expected {expectedStatus})") +
                         (notAfter is { } n ? $"; certificate valid until {n:yyyy-MM-dd}" : ""),
            };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var elapsed = time.GetElapsedTime(started);
            var detail = e switch
            {
                TaskCanceledException => $"no answer within {timeout.TotalSeconds:0.#} s",
                _ when tlsErrors != SslPolicyErrors.None => $"TLS certificate rejected ({tlsErrors})" + (notAfter is { } n ? $", valid until {n:yyyy-MM-dd}" : ""),
                HttpRequestException { InnerException: System.Net.Sockets.SocketException se } => se.Message,
                _ => e.Message,
            };
            return new ProbeResult
            {
                Service = service,
                Kind = "http",
                Target = url.ToString(),
                Passed = false,
                Elapsed = elapsed,
                Detail = detail,
                CertificateNotAfter = notAfter,
            };
        }
    }
}
