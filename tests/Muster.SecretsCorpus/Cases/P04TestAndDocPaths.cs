using Muster.Model;
using static Muster.SecretsCorpus.CaseValues;

namespace Muster.SecretsCorpus.Cases;

/// <summary>
/// P4: tests, fixtures, docs and examples. Short test passwords are not reported; a provider token there is, at most
/// MEDIUM and marked with its context, unless the file is deployed configuration.
/// </summary>
internal static class P04TestAndDocPaths
{
    private static QualityCase Capped(QualityCase c, string context) => c with { PositiveMin = Severity.Low, PositiveMax = Severity.Medium, Context = context };

    public static IEnumerable<QualityCase> Cases() => new CaseList("P4")
    {
        { "inline test config", "tests/test_auth.py", v => "client = make_client({\"user\": \"a\", \"password\": \"b\"})\nassert login(user=\"bob\", password=\"pw1\")\n" },
        { "JS test object", "src/__tests__/login.test.js", v => "await login({ user: 'alice', password: 'secret1' });\n" },
        { "Go test table", "pkg/auth/auth_test.go", v => "{name: \"ok\", user: \"u\", password: \"p@ss\"},\n" },
        { "spec fixture", "spec/fixtures/users.yml", v => "admin:\n  email: admin@example.org\n  password: Passw0rd!\n" },
        { "provider token in a fixture", "tests/fixtures/config.yml", v => $"github:\n  token: {Secret(v.Base62Checksummed("gh" + "p_"))}\n", c => Capped(c, "test") },
        { "provider key in testdata", "internal/testdata/stripe.json", v => $"{{\"key\": \"{Secret("sk" + "_live_" + v.Alnum(48))}\"}}\n", c => Capped(c, "test") },
        { "key in docs", "docs/guide/quickstart.md", v => $"```bash\nexport OPENAI_API_KEY={Secret("sk-" + "proj-" + v.B64Url(74) + "T3BlbkFJ" + v.B64Url(74))}\n```\n", c => Capped(c, "docs") },
        { "key in an example", "examples/chat/main.py", v => $"client = Anthropic(api_key=\"{Secret("sk-ant-" + "api03-" + v.B64Url(93) + "AA")}\")\n", c => Capped(c, "example") },
        { "private key in test data", "test/data/server.key", v => $"{Secret("-----BEGIN RSA PRIVATE KEY-----")}\n{v.PemBody(5)}-----END RSA PRIVATE KEY-----\n", c => Capped(c, "test") },
        { "password in a docs page", "docs/admin/setup.mdx", v => $"Log in with `admin` / `{Secret(v.Password())}`.\n", c => Capped(c, "docs") },
        // Positives at full severity: a deployed dotenv file under a test folder is configuration.
        { "dotenv under tests", "tests/e2e/.env", v => $"STRIPE_SECRET_KEY={Secret("sk" + "_live_" + v.Alnum(48))}\n" },
        { "key in a top-level README", "README.md", v => $"Use this key: {Secret("sk-ant-" + "api03-" + v.B64Url(93) + "AA")}\n" },
    };
}
