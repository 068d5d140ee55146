using static Muster.SecretsCorpus.CaseValues;

namespace Muster.SecretsCorpus.Cases;

/// <summary>R6: Authorization header values in docs, tests, HTTP files and YAML.</summary>
internal static class R06HttpAuthorization
{
    public static IEnumerable<QualityCase> Cases() => new CaseList("R6")
    {
        { "Basic in an HTTP file", "api/requests.http", v => $"GET https://api.example.org/v1/orders\nAuthorization: Basic {Secret(Base64("ops:" + v.Password()))}\n" },
        { "Basic in Python headers", "client/sync.py", v => $"headers = {{\"Authorization\": \"Basic {Secret(Base64("svc_sync:" + v.Password()))}\"}}\n" },
        { "Bearer in curl", "docs-internal/webhooks.md", v => $"curl -H \"Authorization: Bearer {Secret(v.B64Url(48))}\" https://hooks.example.org/v2/events\n" },
        { "Bearer in YAML", "monitors/checks.yaml", v => $"- url: https://status.example.org/api\n  headers:\n    Authorization: \"Bearer {Secret(v.Alnum(40))}\"\n" },
        { "token scheme", "scripts/gh.sh", v => $"curl -H 'Authorization: token {Secret(v.Hex(40))}' https://api.github.example.org/user\n" },
        { "NTLM type 3", "captures/proxy.log", v => $"Proxy-Authorization: NTLM {Secret("TlRMTVNTUAAD" + v.B64(140))}\n" },
        { "OAuth consumer secret", "integrations/twitter.ini", v => $"[oauth]\nconsumer_key = {v.Alnum(25)}\nconsumer_secret = {Secret(v.Alnum(50))}\n" },
        { "OAuth header", "captures/upload.txt", v => $"Authorization: OAuth oauth_consumer_key=\"{v.Alnum(25)}\", oauth_token=\"{Secret(v.Digits(19) + "-" + v.Alnum(30))}\", oauth_signature=\"{v.B64(27)}%3D\"\n" },
        { "X-API-Key header", "ops/smoke.sh", v => $"curl -H \"X-API-Key: {Secret(v.Alnum(32))}\" https://api.example.org/ping\n" },
        { "Bearer in JS fetch", "web/src/api.js", v => $"fetch(url, {{ headers: {{ Authorization: 'Bearer {Secret(v.B64Url(40))}' }} }});\n" },
        // Negatives: header templates and values that hold no credential.
        { "Basic placeholder", "docs/auth.md", v => "Authorization: Basic base64(username:password)\n" },
        { "Bearer placeholder", "docs/bearer.md", v => "Authorization: Bearer <your-access-token>\n" },
        { "Bearer variable", "client/api.py", v => "headers = {\"Authorization\": f\"Bearer {self.token}\"}\n" },
        { "Bearer concatenation", "web/src/client.js", v => "headers.Authorization = 'Bearer ' + accessToken;\n" },
        { "Basic of non-credential bytes", "captures/odd.log", v => $"Authorization: Basic {Convert.ToBase64String(v.Bytes(24))}\n" },
        { "NTLM negotiate (type 1)", "captures/ntlm.log", v => "Authorization: NTLM TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAGAbEdAAAADw==\n" },
        { "Bearer env reference", "ci/call.yml", v => "  - curl -H \"Authorization: Bearer ${CI_API_TOKEN}\" $URL\n" },
    };
}
