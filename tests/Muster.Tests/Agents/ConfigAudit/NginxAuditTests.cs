using Muster.Agents;
using Muster.Composition;

namespace Muster.Tests.Agents.ConfigAudit;

public sealed class NginxAuditTests
{
    [Fact]
    public async Task Findings_in_included_files_point_at_the_included_file_and_it_is_not_audited_twice()
    {
        using var harness = new ConfigAuditHarness()
            .Write("nginx/nginx.conf", "events {}\nhttp {\n    server_tokens off;\n    include conf.d/*.conf;\n}\n")
            .Write("nginx/conf.d/upstreams.conf", "upstream app { server app:8080; }\n")
            .Write("nginx/conf.d/site.conf", """
                server {
                    listen 80;
                    add_header X-Content-Type-Options nosniff;
                    add_header X-Frame-Options DENY;
                    location / { proxy_pass http://app; }
                    location /web/ { proxy_pass http://web; }
                    location /gone/ { proxy_pass http://gone; }
                    location /files/ { root /srv; autoindex on; }
                }
                """)
            .Write("docker-compose.yml", "services:\n  web:\n    image: nginx:1.27.2\n");

        var findings = (await harness.RunAsync()).Findings;

        var autoindex = Assert.Single(findings, f => f.RuleId == "MUSTER-NGINX-009");
        Assert.Equal("nginx/conf.d/site.conf", autoindex.Location!.Path);
        Assert.Equal(8, autoindex.Location.Line);
        var undefined = Assert.Single(findings, f => f.RuleId == "MUSTER-NGINX-007");
        Assert.Contains("'gone'", undefined.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.RuleId == "MUSTER-NGINX-001");
    }

    [Fact]
    public async Task The_files_artifact_lists_what_was_read_by_type()
    {
        using var harness = new ConfigAuditHarness()
            .Write("nginx/nginx.conf", "http {\n    include sites/*.conf;\n}\n")
            .Write("nginx/sites/a.conf", "server { listen 80; }\n")
            .Write("ops/deploy.sh", "#!/bin/sh\nset -e\n")
            .Write("README.md", "# not config\n");

        var result = await harness.RunAsync();

        var tsv = Assert.Single(result.Artifacts).Content;
        Assert.Equal("type\tpath\nnginx\tnginx/nginx.conf\nnginx\tnginx/sites/a.conf\nshell\tops/deploy.sh\n", tsv);
    }

    [Fact]
    public async Task Http_level_headers_are_inherited_only_by_blocks_without_their_own()
    {
        using var harness = new ConfigAuditHarness().Write("site/nginx.conf", """
            http {
                server_tokens off;
                add_header X-Content-Type-Options nosniff always;
                add_header X-Frame-Options DENY always;
                server {
                    listen 8080;
                    location / { root /srv; }
                }
                server {
                    listen 8081;
                    add_header Cache-Control no-store;
                }
            }
            """);

        var findings = (await harness.RunAsync()).Findings;

        var missing = findings.Where(f => f.RuleId is "MUSTER-NGINX-005" or "MUSTER-NGINX-006").ToList();
        Assert.Equal(2, missing.Count);
        Assert.All(missing, f => Assert.Equal(9, f.Location!.Line));
    }

    [Fact]
    public async Task Settings_disable_rules_and_skip_oversized_files()
    {
        using var harness = new ConfigAuditHarness()
            .Write("a/Dockerfile", "FROM node:latest\n")
            .Write("b/Dockerfile", "FROM node:latest\n# " + new string('x', 5000) + "\n");
        var settings = new AgentSettings(new Dictionary<string, object?>
        {
            ["disable"] = new List<object?> { "MUSTER-DOCKER-001" },
            ["max-file-bytes"] = "1000",
        });

        var result = await harness.RunAsync(settings);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "MUSTER-DOCKER-001");
        var unpinned = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-DOCKER-005");
        Assert.Equal("a/Dockerfile", unpinned.Location!.Path);
        Assert.Contains("1 config file not read (too large): not verified (b/Dockerfile).", result.Summary, StringComparison.Ordinal);
        var skipped = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-INPUT-NOT-VERIFIED");
        Assert.Equal("b/Dockerfile", skipped.Location!.Path);
        Assert.Equal(1, result.Metrics["not_audited_files"]);
    }

    [Fact]
    public async Task Nginx_fingerprints_survive_lines_added_above()
    {
        const string config = "http {\n    server {\n        listen 443 ssl;\n        server_name a.example;\n        ssl_protocols TLSv1 TLSv1.2;\n    }\n}\n";
        using var harness = new ConfigAuditHarness().Write("nginx.conf", config);
        var before = (await harness.RunAsync()).Findings.ToDictionary(f => f.RuleId, f => (f.Fingerprint, f.Location!.Line));
        harness.Write("nginx.conf", "# managed by ansible\n\n" + config);
        var after = (await harness.RunAsync()).Findings.ToDictionary(f => f.RuleId, f => (f.Fingerprint, f.Location!.Line));

        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.Contains("MUSTER-NGINX-003", before.Keys);
        Assert.All(before, kv =>
        {
            Assert.Equal(kv.Value.Fingerprint, after[kv.Key].Fingerprint);
            Assert.Equal(kv.Value.Line + 2, after[kv.Key].Line);
        });
    }

    [Fact]
    public void The_agent_is_registered_as_a_configuration_scanner()
    {
        var descriptor = Assert.Single(BuiltInAgents.Register(new AgentRegistry()).All, d => d.Kind == "config-audit");
        Assert.Equal(Muster.Model.AgentRole.Scanner, descriptor.DefaultRole);
        Assert.Contains("max-file-bytes", descriptor.SettingKeys!);
    }
}
