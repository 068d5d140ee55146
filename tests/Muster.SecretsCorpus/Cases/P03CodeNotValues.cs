using static Muster.SecretsCorpus.CaseValues;

namespace Muster.SecretsCorpus.Cases;

/// <summary>P3: code that names a secret without holding one: types, expressions, identifiers, endpoints.</summary>
internal static class P03CodeNotValues
{
    public static IEnumerable<QualityCase> Cases() => new CaseList("P3")
    {
        { "Python stub", "typings/client.pyi", v => "def login(user: str, password: Optional[str] = ...) -> Session: ...\n" },
        { "pydantic field", "app/models.py", v => "    password: SecretStr = Field(default=None, min_length=8)\n" },
        { "argv expression", "tools/cli.py", v => "        password = sys.argv[i + 1]\n" },
        { "Ruby ENV", "config/initializers/gh.rb", v => "GITHUB_TOKEN = ENV[\"GITHUB_TOKEN\"]\n" },
        { "boolean expression", "src/guard.js", v => "const token = session && session.accessToken;\n" },
        { "env-var name built by concatenation", "src/Env.cs", v => "const string EnvPassword = Prefix + \"PASSWORD\";\n" },
        { "numeric constant", "src/limits.py", v => "TOKEN_EXPIRY_SECONDS = 3600\nMAX_PASSWORD_LENGTH = 128\n" },
        { "Go composite literal", "internal/auth/token.go", v => "tok := &oauth2.Token{AccessToken: accessToken, TokenType: \"Bearer\"}\n" },
        { "endpoint URL", "config/oauth.yaml", v => "token_url: https://oauth2.googleapis.com/token\nauthorize_url: https://accounts.google.com/o/oauth2/auth\n" },
        { "getopt string", "tools/dbtool.py", v => "opts, args = getopt.getopt(argv, \"hu:p:\", [\"user=\", \"password=\"])\n" },
        { "TypeScript optional", "src/types.ts", v => "export interface Login {\n  password?: string;\n  token: string | undefined;\n}\n" },
        { "C# property", "src/Models/User.cs", v => "public string PasswordHash { get; set; } = string.Empty;\n" },
        { "Kotlin nullable", "app/Session.kt", v => "private var authToken: String? = null\n" },
        { "SQL column", "db/schema.sql", v => "  password_hash VARCHAR(255) NOT NULL,\n  api_token CHAR(64) UNIQUE\n" },
        { "JSON schema", "schemas/user.json", v => "{\"password\": {\"type\": \"string\", \"minLength\": 8}}\n" },
        { "GitHub Actions secret reference", ".github/workflows/ci.yml", v => "      env:\n        NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n" },
        { "request form", "app/views.py", v => "password = request.form['password']\n" },
        { "keyword argument from an attribute", "client/llm.py", v => "client = OpenAI(api_key=self._api_key, base_url=self.base_url)\n" },
        { "CloudFormation Ref", "infra/db.yaml", v => "      MasterUserPassword: !Ref DbPassword\n" },
        { "hash call", "src/users.js", v => "const passwordHash = await bcrypt.hash(password, 12);\n" },
        { "ERB env", "config/secrets.yml", v => "production:\n  secret_key_base: <%= ENV[\"SECRET_KEY_BASE\"] %>\n" },
        { "Rust env", "src/main.rs", v => "let password: String = env::var(\"DB_PASSWORD\")?;\n" },
        { "random generator", "src/keys.py", v => "secret = os.urandom(32)\napi_token = secrets.token_urlsafe(32)\n" },
        { "Django setting list", "settings.py", v => "PASSWORD_HASHERS = [\n    \"django.contrib.auth.hashers.Argon2PasswordHasher\",\n]\n" },
        // Positives: the same constructs holding a literal.
        { "typed default with a literal", "app/config.py", v => $"    password: str = \"{Secret(v.Password())}\"\n" },
        { "keyword argument with a literal", "client/llm2.py", v => $"client = OpenAI(api_key=\"{Secret(v.Alnum(40))}\")\n" },
    };
}
