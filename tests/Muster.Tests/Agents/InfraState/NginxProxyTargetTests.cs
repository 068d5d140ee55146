using System.Net;
using System.Net.Sockets;
using Muster.Agents.InfraState.Nginx;
using Muster.Formats.Nginx;
using Muster.Model;

namespace Muster.Tests.Agents.InfraState;

public class NginxProxyTargetTests
{
    [Fact]
    public void Upstream_servers_and_direct_proxy_pass_hosts_are_targets()
    {
        var config = NginxConfig.Parse("""
            http {
              upstream api_backend {
                server api:8000;
                server [::1]:8001 backup;
              }
              server {
                location /api/ { proxy_pass http://api_backend; }
                location /n8n/ { proxy_pass http://n8n:5678/; }
                location /web/ { proxy_pass https://www.example.org; }
                location /sim/ { proxy_pass http://simstudio_backend/; }
                location /var/ { proxy_pass http://$backend; }
              }
            }
            """, "nginx.conf");

        var targets = NginxProxyTargets.FromConfig(config).Select(t => $"{t.Address} {t.Via} {t.File}:{t.Line}").ToList();

        Assert.Equal(["api:8000 upstream api_backend nginx.conf:3", "::1:8001 upstream api_backend nginx.conf:4",
            "n8n:5678 proxy_pass nginx.conf:8", "www.example.org:443 proxy_pass nginx.conf:9"], targets);
    }

    [Fact]
    public async Task Targets_are_checked_against_compose_profiles_the_engine_and_loopback_ports()
    {
        var open = new TcpListener(IPAddress.Loopback, 0);
        open.Start();
        var closedListener = new TcpListener(IPAddress.Loopback, 0);
        closedListener.Start();
        var closedPort = ((IPEndPoint)closedListener.LocalEndpoint).Port;
        closedListener.Stop();
        try
        {
            var openPort = ((IPEndPoint)open.LocalEndpoint).Port;
            using var ws = new InfraTestWorkspace();
            ws.Write("vps/docker-compose.yml", "services:\n  api: { image: a }\n  grafana: { image: g, profiles: [monitoring] }\n");
            ws.Write("vps/nginx.conf", $$"""
                http {
                  upstream api_backend { server api:8000; }
                  server {
                    location /api/ { proxy_pass http://api_backend; }
                    location /grafana/ { proxy_pass http://grafana:3000/; }
                    location /local/ { proxy_pass http://127.0.0.1:{{openPort}}; }
                    location /dead/ { proxy_pass http://127.0.0.1:{{closedPort}}; }
                    location /far/ { proxy_pass http://10.1.2.3:9000; }
                  }
                }
                """);

            var result = await ws.AuditAsync(new() { ["engine"] = "false" });

            var nginx = result.Findings.Where(f => f.Location?.Path == "vps/nginx.conf")
                .Select(f => $"{f.Severity.ToLabel()} {f.RuleId} {f.Location!.Line} {f.Properties["target"]}").ToList();
            Assert.Equal([
                "HIGH MUSTER-INFRA-UNVERIFIED 2 api:8000",
                "MEDIUM MUSTER-INFRA-PROXY-TARGET-INACTIVE 5 grafana:3000",
                $"HIGH MUSTER-INFRA-PROXY-TARGET-DOWN 7 127.0.0.1:{closedPort}",
                "MEDIUM MUSTER-INFRA-UNVERIFIED 8 10.1.2.3:9000",
            ], nginx);
            Assert.Equal(5, result.Metrics["nginx_targets"]);
        }
        finally
        {
            open.Stop();
        }
    }
}
