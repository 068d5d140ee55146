using static Muster.SecretsCorpus.CaseValues;

namespace Muster.SecretsCorpus.Cases;

/// <summary>R8: private keys that are not a clean PEM block on their own lines.</summary>
internal static class R08PrivateKeys
{
    private const string Dashes = "-----";

    public static IEnumerable<QualityCase> Cases() => new CaseList("R8")
    {
        { "escaped newlines in JSON", "keys/sa.json", v =>
            $"{{\"type\": \"service_account\", \"private_key\": \"{Secret(Dashes + "BEGIN PRIVATE KEY" + Dashes)}\\n{v.PemBody(4, "\\n")}{Dashes}END PRIVATE KEY{Dashes}\\n\"}}\n" },
        { "string concatenation", "src/Keys.java", v =>
            $"String key = \"{Secret(Dashes + "BEGIN RSA PRIVATE KEY" + Dashes)}\\n\" +\n    \"{v.B64(64)}\\n\" +\n    \"{v.B64(64)}\\n\" +\n    \"{Dashes}END RSA PRIVATE KEY{Dashes}\";\n" },
        { "base64-wrapped PEM", "k8s/tls.yaml", v =>
            $"data:\n  tls.key: {Secret("LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo" + v.B64(200))}\n" },
        { "log-prefixed lines", "logs/provision.log", v =>
            $"2024-05-02 10:00:01 INFO {Secret(Dashes + "BEGIN EC PRIVATE KEY" + Dashes)}\n2024-05-02 10:00:01 INFO {v.B64(64)}\n2024-05-02 10:00:01 INFO {v.B64(40)}\n2024-05-02 10:00:01 INFO {Dashes}END EC PRIVATE KEY{Dashes}\n" },
        { "PGP block in comments", "scripts/sign.sh", v =>
            $"# {Secret(Dashes + "BEGIN PGP PRIVATE KEY BLOCK" + Dashes)}\n#\n# {v.B64(64)}\n# {v.B64(64)}\n# {Dashes}END PGP PRIVATE KEY BLOCK{Dashes}\n" },
        { "indented in a YAML block scalar", "group_vars/web.yml", v =>
            $"ssh_key: |\n  {Secret(Dashes + "BEGIN OPENSSH PRIVATE KEY" + Dashes)}\n  b3BlbnNzaC1rZXktdjEAAAAA{v.B64(40)}\n  {v.B64(70)}\n  {Dashes}END OPENSSH PRIVATE KEY{Dashes}\n" },
        { "CRLF PEM", "certs/server.key", v =>
            $"{Secret(Dashes + "BEGIN RSA PRIVATE KEY" + Dashes)}\r\n{v.PemBody(5, "\r\n")}{Dashes}END RSA PRIVATE KEY{Dashes}\r\n" },
        { "JWK with d, p and q", "keys/signing.jwk.json", v =>
            $"{{\"kty\":\"RSA\",\"kid\":\"k1\",\"n\":\"{v.B64Url(342)}\",\"e\":\"AQAB\",\"d\":\"{Secret(v.B64Url(342))}\",\"p\":\"{v.B64Url(171)}\",\"q\":\"{v.B64Url(171)}\"}}\n" },
        { "EC JWK", "keys/ec.json", v =>
            $"{{\n  \"kty\": \"EC\",\n  \"crv\": \"P-256\",\n  \"x\": \"{v.B64Url(43)}\",\n  \"y\": \"{v.B64Url(43)}\",\n  \"d\": \"{Secret(v.B64Url(43))}\"\n}}\n" },
        // Negatives: public material and placeholders.
        { "public JWK", "keys/jwks.json", v => $"{{\"keys\":[{{\"kty\":\"RSA\",\"kid\":\"k1\",\"n\":\"{v.B64Url(342)}\",\"e\":\"AQAB\"}}]}}\n" },
        { "public key PEM", "keys/pub.pem", v => $"{Dashes}BEGIN PUBLIC KEY{Dashes}\n{v.PemBody(4)}{Dashes}END PUBLIC KEY{Dashes}\n" },
        { "certificate", "certs/ca.crt", v => $"{Dashes}BEGIN CERTIFICATE{Dashes}\n{v.PemBody(6)}{Dashes}END CERTIFICATE{Dashes}\n" },
        { "PEM placeholder", "docs/keys.md", v => $"{Dashes}BEGIN PRIVATE KEY{Dashes}\n<paste your key here>\n{Dashes}END PRIVATE KEY{Dashes}\n" },
        { "JWK with redacted d", "docs/jwk.md", v => "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"...\",\"y\":\"...\",\"d\":\"<redacted>\"}\n" },
        { "PEM header as a constant", "src/pem.go", v => $"const pemHeader = \"{Dashes}BEGIN RSA PRIVATE KEY{Dashes}\"\n" },
    };
}
