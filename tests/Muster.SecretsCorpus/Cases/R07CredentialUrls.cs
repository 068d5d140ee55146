using static Muster.SecretsCorpus.CaseValues;

namespace Muster.SecretsCorpus.Cases;

/// <summary>R7: userinfo passwords in URLs of any scheme, and credentials in query parameters.</summary>
internal static class R07CredentialUrls
{
    public static IEnumerable<QualityCase> Cases() => new CaseList("R7")
    {
        { "nats URL", "config/bus.yaml", v => $"nats_url: nats://svc:{Secret(v.Password())}@nats.internal:4222\n" },
        { "oracle URL", "config/legacy.env", v => $"LEGACY_DB=oracle://scott:{Secret(v.Password())}@ora.internal:1521/ORCL\n" },
        { "smtps with @ in the user", "config/mail.env", v => $"MAIL_URL=smtps://alerts@example.org:{Secret(v.Password())}@smtp.example.org:465\n" },
        { "percent-encoded user", "config/mail2.env", v => $"SMTP_URL=smtp://alerts%40example.org:{Secret(v.Password())}@smtp.example.org:587\n" },
        { "percent-encoded password", "config/proxy.env", v => $"HTTPS_PROXY=http://corp:{Secret(v.Alnum(6) + "%40" + v.Digits(3))}@proxy.internal:3128\n" },
        { "inside a format string", "app/db.py", v => $"DSN = \"mongodb://admin:{Secret(v.Password())}@%s:27017/app\" % host\n" },
        { "socks5 proxy", "tools/proxy.json", v => $"{{\"proxy\": \"socks5://bot:{Secret(v.Password())}@10.1.1.1:1080\"}}\n" },
        { "mssql URL", "config/reporting.yml", v => $"url: mssql://sa:{Secret(v.Password())}@sql01:1433/reports\n" },
        { "clickhouse URL", "config/ch.env", v => $"CLICKHOUSE_URL=clickhouse://default:{Secret(v.Password())}@ch:9000/events\n" },
        { "git+https with token", "requirements-private.txt", v => $"git+https://ci:{Secret(v.Alnum(32))}@git.example.org/libs/core.git@v1.2.0\n" },
        { "token query parameter", "notes/links.md", v => $"Dashboard: https://grafana.example.org/d/abc?orgId=1&token={Secret(v.Alnum(32))}\n" },
        { "api_key query parameter", "scripts/geo.sh", v => $"curl \"https://api.example.org/v1/geocode?q=paris&api_key={Secret(v.Hex(32))}\"\n" },
        { "key query parameter", "web/index.html", v => $"<script src=\"https://maps.example.org/js?key={Secret(v.B64Url(39))}&callback=init\"></script>\n" },
        // Negatives: references, templates and URLs with no password.
        { "URL with env reference", "config/bus2.yaml", v => "nats_url: nats://svc:${NATS_PASSWORD}@nats.internal:4222\n" },
        { "URL without userinfo", "config/bus3.yaml", v => "nats_url: nats://nats.internal:4222\n" },
        { "format fields", "app/dsn.py", v => "url = f\"postgresql://{user}:{password}@{host}:{port}/{db}\"\n" },
        { "printf fields", "app/dsn.go", v => "dsn := fmt.Sprintf(\"mysql://%s:%s@tcp(%s)/%s\", u, p, h, d)\n" },
        { "token placeholder", "docs/embed.md", v => "https://grafana.example.org/d/abc?token=YOUR_TOKEN\n" },
        { "api_key env reference", "scripts/geo2.sh", v => "curl \"https://api.example.org/v1/geocode?api_key=$GEO_KEY\"\n" },
        { "page token", "client/list.py", v => "next_url = base + \"?page_token=\" + resp[\"next\"]\n" },
        { "user:password literal template", "docs/urls.md", v => "Use smtp://user:password@host:587 as the format.\n" },
    };
}
