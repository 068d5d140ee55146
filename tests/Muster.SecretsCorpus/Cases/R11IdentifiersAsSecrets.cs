using Muster.Model;
using static Muster.SecretsCorpus.CaseValues;

namespace Muster.SecretsCorpus.Cases;

/// <summary>R11: a UUID is an identifier, but assigned to a secret's name it is the secret (reported at MEDIUM).</summary>
internal static class R11IdentifiersAsSecrets
{
    public static IEnumerable<QualityCase> Cases() => new CaseList("R11", c => c with { PositiveMin = Severity.Medium, PositiveMax = Severity.Medium })
    {
        { "client_secret UUID", "auth/oidc.yaml", v => $"oidc:\n  client_id: {v.Uuid()}\n  client_secret: {Secret(v.Uuid())}\n" },
        { "api_key UUID", "integrations/pagerduty.env", v => $"PAGERDUTY_API_KEY={Secret(v.Uuid())}\n" },
        { "apiKey field", "web/config.json", v => $"{{\"apiKey\": \"{Secret(v.Uuid())}\"}}\n" },
        { "X-Api-Key header", "scripts/ping.sh", v => $"curl -H \"X-Api-Key: {Secret(v.Uuid())}\" https://api.example.org/ping\n" },
        { "secret in Python", "app/settings.py", v => $"WEBHOOK_SECRET = \"{Secret(v.Uuid())}\"\n" },
        { "access token UUID", "ops/cf.env", v => $"ACCESS_TOKEN={Secret(v.Uuid().ToUpperInvariant())}\n" },
        // Negatives: identifiers under identifier names.
        { "tenant id", "auth/azure.env", v => $"AZURE_TENANT_ID={v.Uuid()}\nAZURE_CLIENT_ID={v.Uuid()}\n" },
        { "request id in a log", "logs/api.log", v => $"request_id={v.Uuid()} status=200 token_type=bearer\n" },
        { "id field", "data/items.json", v => $"{{\"id\": \"{v.Uuid()}\", \"name\": \"widget\"}}\n" },
        { "key id", "auth/keys.yaml", v => $"signing_key_id: {v.Uuid()}\n" },
        { "subscription", "infra/main.tfvars", v => $"subscription_id = \"{v.Uuid()}\"\n" },
    };
}
