using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Muster.Agents.InfraState.Probes;
using Muster.Model;

namespace Muster.Tests.Agents.InfraState;

public class HttpsProbeTests
{
    [Fact]
    public async Task Https_probe_records_the_certificate_expiry_even_when_it_rejects_the_certificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var notAfter = DateTimeOffset.UtcNow.AddDays(5);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), notAfter);
        using var cert = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serve = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            using var ssl = new SslStream(client.GetStream());
            try
            {
                await ssl.AuthenticateAsServerAsync(cert);
                await ssl.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
            {
                // the client refuses the self-signed certificate: expected
            }
        });
        try
        {
            var result = await HttpProbe.RunAsync("web", new Uri($"https://127.0.0.1:{port}/"), 200, TimeSpan.FromSeconds(60), TimeProvider.System, CancellationToken.None);

            Assert.False(result.Passed);
            Assert.Contains("TLS certificate rejected", result.Detail, StringComparison.Ordinal);
            Assert.NotNull(result.CertificateNotAfter);
            Assert.True((result.CertificateNotAfter!.Value - notAfter).Duration() < TimeSpan.FromSeconds(2));
            await serve.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Agent_reports_a_soon_expiring_certificate_and_the_failed_probe()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(3));
        using var cert = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serve = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            using var ssl = new SslStream(client.GetStream());
            try
            {
                await ssl.AuthenticateAsServerAsync(cert);
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
            {
                // refused by the client
            }
        });
        try
        {
            using var ws = new InfraTestWorkspace();
            ws.Write("muster.services.yaml", $"services:\n  web:\n    http: https://127.0.0.1:{port}/\n");

            var result = await ws.AuditAsync(new() { ["engine"] = "false" });

            var tls = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-INFRA-TLS-EXPIRING");
            Assert.Equal((Severity.Medium, "muster.services.yaml:2"), (tls.Severity, tls.Location!.ToString()));
            Assert.Equal(Severity.High, Assert.Single(result.Findings, f => f.RuleId == "MUSTER-INFRA-PROBE-FAILED").Severity);
            await serve.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            listener.Stop();
        }
    }
}
