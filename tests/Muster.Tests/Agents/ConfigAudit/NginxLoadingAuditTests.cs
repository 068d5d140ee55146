namespace Muster.Tests.Agents.ConfigAudit;

/// <summary>What nginx really loads decides what is audited: the h5bp layout (snippets included from server files, relative to the prefix).</summary>
public sealed class NginxLoadingAuditTests
{
    private static ConfigAuditHarness H5bpLayout() => new ConfigAuditHarness()
        .Write("nginx.conf", "events { worker_connections 64; }\ninclude custom.d/*.conf;\nhttp {\n    include h5bp/security/server_software_information.conf;\n    include conf.d/*.conf;\n}\n")
        .Write("h5bp/security/server_software_information.conf", "server_tokens off;\n")
        .Write("h5bp/basic.conf", "include h5bp/security/x-content-type-options.conf;\ninclude h5bp/security/x-frame-options.conf;\n")
        .Write("h5bp/security/x-content-type-options.conf", "add_header X-Content-Type-Options nosniff always;\n")
        .Write("h5bp/security/x-frame-options.conf", "add_header X-Frame-Options $x_frame_options always;\n")
        .Write("conf.d/site.conf", """
            server {
                listen 443 ssl;
                server_name www.example.com;
                ssl_certificate /etc/nginx/certs/default.crt;
                return 301 $scheme://example.com$request_uri;
            }
            server {
                listen 443 ssl;
                server_name example.com;
                ssl_certificate /etc/nginx/certs/default.crt;
                include h5bp/basic.conf;
                add_header Strict-Transport-Security "max-age=31536000" always;
                root /var/www/example.com;
            }
            server {
                listen 80 default_server;
                server_name _;
                return 444;
            }
            """)
        .Write("conf.d/.default.conf", "server {\n    listen 443 ssl default_server;\n    ssl_certificate /etc/nginx/certs/default.crt;\n    return 444;\n}\n")
        .Write("conf.d/templates/example.com.conf", "server {\n    listen 80;\n    include h5bp/basic.conf;\n    autoindex on;\n}\n");

    [Fact]
    public async Task Includes_in_server_files_resolve_against_the_prefix_and_http_settings_reach_the_servers()
    {
        using var harness = H5bpLayout();

        var findings = (await harness.RunAsync()).Findings;

        Assert.DoesNotContain(findings, f => f.RuleId is "MUSTER-NGINX-000" or "MUSTER-NGINX-013");
        Assert.DoesNotContain(findings, f => f.RuleId is "MUSTER-NGINX-001" or "MUSTER-NGINX-002" or "MUSTER-NGINX-005" or "MUSTER-NGINX-006");
        Assert.DoesNotContain(findings, f => f.RuleId == "MUSTER-NGINX-009");
    }

    [Fact]
    public async Task Files_no_main_config_loads_are_reported_once_as_info_and_not_audited()
    {
        using var harness = H5bpLayout();

        var result = await harness.RunAsync();

        var unloaded = result.Findings.Where(f => f.RuleId == "MUSTER-NGINX-014").Select(f => f.Location!.Path).Order(StringComparer.Ordinal);
        Assert.Equal(["conf.d/.default.conf", "conf.d/templates/example.com.conf"], unloaded);
        Assert.All(result.Findings.Where(f => f.RuleId == "MUSTER-NGINX-014"), f => Assert.Equal(Muster.Model.Severity.Info, f.Severity));
        Assert.Contains("nginx-not-loaded\tconf.d/templates/example.com.conf\n", Assert.Single(result.Artifacts).Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_nginx_prefix_setting_moves_where_relative_includes_resolve()
    {
        using var harness = new ConfigAuditHarness()
            .Write("deploy/conf/nginx.conf", "events {}\nhttp {\n    include shared/tokens.conf;\n    server { listen 8080; return 444; }\n}\n")
            .Write("deploy/shared/tokens.conf", "server_tokens off;\n");
        var settings = new Muster.Agents.AgentSettings(new Dictionary<string, object?> { ["nginx-prefix"] = "deploy" });

        var withoutPrefix = (await harness.RunAsync()).Findings;
        var withPrefix = (await harness.RunAsync(settings)).Findings;

        Assert.Contains(withoutPrefix, f => f.RuleId == "MUSTER-NGINX-013" && f.Message.Contains("shared/tokens.conf", StringComparison.Ordinal));
        Assert.DoesNotContain(withPrefix, f => f.RuleId is "MUSTER-NGINX-000" or "MUSTER-NGINX-013" or "MUSTER-NGINX-001");
    }

    [Fact]
    public async Task A_conf_d_snippet_with_no_main_config_above_it_is_audited_on_its_own()
    {
        using var harness = new ConfigAuditHarness()
            .Write("stack/nginx/conf.d/default.conf", "server {\n    listen 80;\n    location /files/ { root /srv; autoindex on; }\n}\n")
            .Write("other/nginx.conf", "events {}\nhttp {\n    server_tokens off;\n}\n");

        var findings = (await harness.RunAsync()).Findings;

        Assert.Contains(findings, f => f.RuleId == "MUSTER-NGINX-009" && f.Location!.Path == "stack/nginx/conf.d/default.conf");
        Assert.DoesNotContain(findings, f => f.RuleId == "MUSTER-NGINX-014");
    }
}
