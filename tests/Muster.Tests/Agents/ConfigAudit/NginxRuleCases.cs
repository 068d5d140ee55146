namespace Muster.Tests.Agents.ConfigAudit;

internal static class NginxRuleCases
{
    private const string File = "nginx/nginx.conf";

    private const string Headers = """
                add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
                add_header X-Content-Type-Options nosniff always;
                add_header X-Frame-Options DENY always;
        """;

    /// <summary>An http block with a hardened TLS server; <paramref name="tls"/> and <paramref name="extra"/> change it.</summary>
    private static Dictionary<string, string> Nginx(string tls = "", string extra = "", string http = "server_tokens off;", string? headers = null,
        string protocols = "TLSv1.2 TLSv1.3") => new()
        {
            [File] = $$"""
            events { worker_connections 1024; }
            http {
                {{http}}
                upstream api_backend { server api:8000; }
                server {
                    listen 80;
                    server_name example.org;
                    return 301 https://$host$request_uri;
                }
                server {
                    listen 443 ssl;
                    server_name example.org;
                    ssl_certificate /etc/ssl/example.org.pem;
                    ssl_certificate_key /etc/ssl/example.org.key;
                    ssl_protocols {{protocols}};
            {{headers ?? Headers}}
            {{tls}}
                    location /api/ { proxy_pass http://api_backend; }
                }
            {{extra}}
            }
            """,
        };

    public static IEnumerable<RuleCase> All =>
    [
        new("MUSTER-NGINX-000", File, 0,
            new() { [File] = "http {\n    server {\n        listen 80\n    }\n}\n" }, Nginx()),
        new("MUSTER-NGINX-001", File, 3, Nginx(http: "server_tokens on;"), Nginx()),
        new("MUSTER-NGINX-002", File, 10,
            Nginx(headers: "        add_header X-Content-Type-Options nosniff always;\n        add_header X-Frame-Options DENY always;"), Nginx()),
        new("MUSTER-NGINX-003", File, 15, Nginx(protocols: "TLSv1 TLSv1.1 TLSv1.2"), Nginx()),
        new("MUSTER-NGINX-004", File, 19,
            Nginx(tls: "        ssl_ciphers 'ECDHE-RSA-AES128-GCM-SHA256:RC4-SHA:DES-CBC3-SHA';"),
            Nginx(tls: "        ssl_ciphers 'HIGH:!aNULL:!MD5:!RC4:!3DES';")),
        new("MUSTER-NGINX-005", File, 10,
            Nginx(headers: "        add_header Strict-Transport-Security \"max-age=31536000\" always;\n        add_header X-Frame-Options DENY always;"), Nginx()),
        new("MUSTER-NGINX-006", File, 10,
            Nginx(headers: "        add_header Strict-Transport-Security \"max-age=31536000\" always;\n        add_header X-Content-Type-Options nosniff always;"),
            Nginx(headers: "        add_header Strict-Transport-Security \"max-age=31536000\" always;\n        add_header X-Content-Type-Options nosniff always;\n        add_header Content-Security-Policy \"default-src 'self'; frame-ancestors 'none'\" always;")),
        new("MUSTER-NGINX-007", File, 19,
            Nginx(tls: "        location /admin/ { proxy_pass http://admin_backend; }"),
            Nginx(tls: "        location /admin/ { proxy_pass http://api_backend; }\n        location /ws/ { proxy_pass http://realtime:9000; }")),
        new("MUSTER-NGINX-008", File, 19,
            Nginx(tls: "        location /static { alias /var/www/static/; }"),
            Nginx(tls: "        location /static/ { alias /var/www/static/; }\n        location ~ ^/img/(.*)$ { alias /var/www/img/$1; }")),
        new("MUSTER-NGINX-009", File, 19,
            Nginx(tls: "        location /files/ { root /srv; autoindex on; }"), Nginx(tls: "        location /files/ { root /srv; autoindex off; }")),
        new("MUSTER-NGINX-010", File, 22,
            Nginx(extra: "    server {\n        listen 8080;\n        server_name example.org;\n        location / { proxy_pass http://api_backend; }\n    }"),
            Nginx(extra: "    server {\n        listen 80 default_server;\n        return 444;\n    }\n    server {\n        listen 80;\n        server_name intranet.example.net;\n        location / { proxy_pass http://api_backend; }\n    }")),
        new("MUSTER-NGINX-011", File, 16,
            Nginx(headers: "        add_header Strict-Transport-Security \"max-age=3600\" always;\n        add_header X-Content-Type-Options nosniff always;\n        add_header X-Frame-Options DENY always;"),
            Nginx()),
        new("MUSTER-NGINX-012", File, 19,
            Nginx(tls: "        location /assets/ { add_header Cache-Control \"public, max-age=86400\"; }"),
            Nginx(tls: "        location /assets/ {\n            add_header Cache-Control \"public, max-age=86400\";\n" + Headers.Replace("        ", "    ", StringComparison.Ordinal) + "\n        }")),
        new("MUSTER-NGINX-013", File, 4,
            Nginx(http: "server_tokens off;\n    include /etc/nginx/mime.types;"),
            new(Nginx(http: "server_tokens off;\n    include mime.types;")) { ["nginx/mime.types"] = "types { text/html html; }\n" }),
        new("MUSTER-NGINX-014", "nginx/conf.d/.staging.conf", 1,
            new(Nginx(http: "server_tokens off;\n    include conf.d/*.conf;")) { ["nginx/conf.d/.staging.conf"] = "server { listen 8081; autoindex on; }\n" },
            new(Nginx(http: "server_tokens off;\n    include conf.d/*.conf;")) { ["nginx/conf.d/staging.conf"] = "server { listen 8081; return 444; }\n" }),
        new("MUSTER-NGINX-015", File, 19,
            Nginx(tls: "        location /api/upload { proxy_pass http://api_backend; }"),
            Nginx(tls: "        client_max_body_size 50m;\n        location /api/upload { proxy_pass http://api_backend; }\n        location /uploads/ { root /srv/media; }")),
    ];
}
