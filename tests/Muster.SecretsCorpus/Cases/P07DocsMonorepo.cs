using Muster.Model;
using static Muster.SecretsCorpus.CaseValues;

namespace Muster.SecretsCorpus.Cases;

/// <summary>
/// P7: what an AI-agent framework's monorepo looks like: versioned, translated docs copies, placeholders in other
/// languages, variables passed as keys, secret-file paths, vendored minified JavaScript.
/// </summary>
internal static class P07DocsMonorepo
{
    public static IEnumerable<QualityCase> Cases() => new CaseList("P7")
    {
        { "prose about tokens", "docs/v1.2/en/setup.mdx", v => "Get a token at https://platform.example.org/settings/tokens and paste it below.\n" },
        { "token usage table", "docs/v1.2/en/api/usage.mdx", v => "| completion_tokens | int | Number of tokens in the completion |\n| prompt_tokens | int | Tokens in the prompt |\n" },
        { "Portuguese placeholder", "docs/v1.2/pt/llms.mdx", v => "llm = LLM(model=\"gpt-4o\", api_key=\"sua chave\")\nOPENAI_API_KEY=\"sua_chave_de_api_aqui\"\n" },
        { "Spanish placeholder", "docs/v1.3/es/llms.mdx", v => "client = OpenAI(api_key=\"tu-clave-api\")\n" },
        { "French placeholder", "docs/v1.3/fr/llms.mdx", v => "api_key = \"votre-clé-api\"\n" },
        { "Japanese placeholder", "docs/v1.3/ja/llms.mdx", v => "api_key=\"あなたのAPIキー\"\n" },
        { "Korean placeholder", "docs/v1.3/ko/llms.mdx", v => "OPENAI_API_KEY=\"여기에_API_키_입력\"\n" },
        { "all-lowercase phrase", "docs/v1.3/en/tools.mdx", v => "SERPER_API_KEY=\"your serper api key\"\napi_key: \"insert key from dashboard\"\n" },
        { "variable as key", "src/crew/llm.py", v => "        return Client(api_key=self._api_key, timeout=self.timeout)\n" },
        { "secret-file path", "docs/v1.2/en/deploy/compose.mdx", v => "      POSTGRES_PASSWORD_FILE=/run/secrets/postgres_password\n      REDIS_PASSWORD_FILE: /run/secrets/redis\n" },
        { "image named passbolt", "deploy/compose.yaml", v => "services:\n  passbolt:\n    image: passbolt/passbolt:latest-ce\n" },
        { "vendored minified JS", "docs/assets/js/vendor.min.js", v => "var e={password:\"\",token:t.token,secret:n.secret,apiKey:r&&r.apiKey};function a(t){return t.password=o.password||\"\",t}\n" },
        { "template braces", "docs/v1.3/en/config.mdx", v => "api_key: \"{{ OPENAI_API_KEY }}\"\npassword: \"<your password>\"\n" },
        // Positive: a real-looking key pasted into three docs copies: every copy is named, each at most MEDIUM.
        { "same key in versioned copies",
            ("docs/v1.2/en/quickstart.mdx", v => $"export GROQ_API_KEY={Secret(DocsKey())}\n"),
            ("docs/v1.3/en/quickstart.mdx", v => $"export GROQ_API_KEY={Secret(DocsKey())}\n"),
            ("docs/v1.3/pt/quickstart.mdx", v => $"export GROQ_API_KEY={Secret(DocsKey())}\n") },
    }.Select(c => c.Name == "same key in versioned copies" ? c with { PositiveMin = Severity.Low, PositiveMax = Severity.Medium, Context = "docs" } : c);

    private static string DocsKey() => "gs" + "k_" + new CaseValues(new Random(5150)).Alnum(52);
}
