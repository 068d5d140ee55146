using System.Text;
using Muster.Agents;
using Muster.Engine;
using Muster.Model;
using Muster.SecretsCorpus;

namespace Muster.Tests.Agents.Secrets;

/// <summary>
/// False-positive classes found by judging the secrets agent's CRITICAL and HIGH findings on public AI-agent
/// framework and MCP server repositories, each pinned with a line shaped like the real one.
/// </summary>
public sealed class RealRepoNoiseTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("muster-realnoise-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("sandbox.py", "            allow_s3_credential_exposure=allow_s3_credential_exposure,")]
    [InlineData("mount.py", "        self._trusted_s3_mount_credentials = trusted_s3_mount_credentials")]
    [InlineData("keys.py", "TOKENLESS_MODE_KEY = \"__acme_tokenless_mode_flag\"")]
    [InlineData("usage.py", "        \"input_tokens_details\": [input_details],")]
    [InlineData("progress.ts", "      const progressToken = extra._meta?.progressToken;")]
    [InlineData("oauth.py", "    oauth2_token_endpoint_secret = k8s_secret_name_v2")]
    public async Task Names_and_expressions_in_code_are_not_secrets(string file, string line)
    {
        await File.WriteAllTextAsync(Path.Combine(_root, file), line + "\n");

        var result = await SecretsAgentRunner.RunAsync(_root);

        Assert.Empty(result.Secrets());
    }

    [Theory]
    [InlineData("settings.py", "api_token = \"{alnum:4}_{alnum:20}\"")]
    [InlineData("settings.py", "client_secret = {alnum:32}")]
    [InlineData("app.ts", "const apiKey = \"{b64url:40}\";")]
    public async Task Literal_tokens_in_the_same_places_are_still_found(string file, string template)
    {
        await File.WriteAllTextAsync(Path.Combine(_root, file), SampleTemplate.Expand(template, 77) + "\n");

        var result = await SecretsAgentRunner.RunAsync(_root);

        Assert.Single(result.Secrets());
    }

    [Theory]
    [InlineData("postgres://postgres:postgres@localhost:5432/postgres?sslmode=disable", "localhost")]
    [InlineData("postgres://postgres:postgres@langgraph-postgres:5432/postgres", "langgraph-postgres")]
    [InlineData("mysql://airflow:airflow@127.0.0.1:3306/airflow", "127.0.0.1")]
    [InlineData("redis://default:redis@[::1]:6379/0", "[::1]")]
    public async Task A_default_login_on_a_local_host_is_low_and_says_why(string url, string host)
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "README.md"), $"Connect with `DB_URI = \"{url}\"`.\n");
        var scrubber = new KnownSecretsScrubber(NoSecretScrubber.Instance);

        var result = await SecretsAgentRunner.RunAsync(_root, scrubber: scrubber);

        var finding = Assert.Single(result.Secrets());
        Assert.Equal(Severity.Low, finding.Severity);
        Assert.Contains($"well-known default password on a host only this machine or its container network reaches ({host})", finding.Message, StringComparison.Ordinal);
        // "postgres" is a word in paths and service names: the run's scrubber must not redact it everywhere.
        Assert.Equal(0, scrubber.Count);
        Assert.Equal("libs/checkpoint-postgres/README.md", scrubber.Scrub("libs/checkpoint-postgres/README.md"));
    }

    [Fact]
    public async Task A_default_login_on_a_reachable_host_stays_critical()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "app.env"), "DATABASE_URL=postgres://postgres:postgres@db.prod.example.com:5432/app\n");

        var result = await SecretsAgentRunner.RunAsync(_root);

        var finding = Assert.Single(result.Secrets());
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.DoesNotContain("well-known default", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mysql://root:{alnum:14}@db:3306/app", "db")]
    [InlineData("postgres://app:{alnum:18}@localhost:5432/app", "localhost")]
    public async Task A_chosen_password_on_a_local_host_is_high_not_critical(string template, string host)
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "app.env"), "DATABASE_URL=" + SampleTemplate.Expand(template, 3) + "\n");

        var result = await SecretsAgentRunner.RunAsync(_root);

        var finding = Assert.Single(result.Secrets());
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains($"The host ({host}) is reachable only from this machine or its container network", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ci.yml", "            --from-literal=password=n8n-test-password")]
    [InlineData("settings.yaml", "db_password: k8s-staging-password")]
    public async Task Lowercase_word_phrases_with_digits_inside_words_are_placeholders(string file, string line)
    {
        await File.WriteAllTextAsync(Path.Combine(_root, file), line + "\n");

        var result = await SecretsAgentRunner.RunAsync(_root);

        Assert.Empty(result.Secrets());
    }

    [Fact]
    public async Task A_dotenv_of_placeholders_is_low_and_one_with_a_credential_stays_high()
    {
        Directory.CreateDirectory(Path.Combine(_root, "plex"));
        Directory.CreateDirectory(Path.Combine(_root, "api"));
        await File.WriteAllTextAsync(Path.Combine(_root, "plex", ".env"), "PLEX_MEDIA_PATH=/media/your/plex/path\nPOSTGRES_PW=changeit\nTIMEZONE=Etc/UTC\n");
        await File.WriteAllTextAsync(Path.Combine(_root, "api", ".env"), $"TIMEZONE=Etc/UTC\nGITHUB_TOKEN={Planted.GitHub(4)}\n");

        var result = await SecretsAgentRunner.RunAsync(_root);

        var files = result.Findings.Where(f => f.RuleId == Muster.Agents.Secrets.SecretsAgent.SensitiveFileRuleId).ToDictionary(f => f.Location!.Path);
        Assert.Equal(Severity.Low, files["plex/.env"].Severity);
        Assert.Contains("none is a credential", files["plex/.env"].Message, StringComparison.Ordinal);
        Assert.Equal(Severity.High, files["api/.env"].Severity);
        Assert.DoesNotContain("none is a credential", files["api/.env"].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anon", Severity.Low)]
    [InlineData("service_role", Severity.High)]
    public async Task A_supabase_anon_key_is_low_and_a_service_role_key_is_not(string role, Severity expected)
    {
        var jwt = Jwt($"{{\"iss\":\"supabase-demo\",\"role\":\"{role}\",\"exp\":1983812996}}", seed: 9);
        await File.WriteAllTextAsync(Path.Combine(_root, "constants.py"), $"SUPABASE_KEY = \"{jwt}\"\n");

        var result = await SecretsAgentRunner.RunAsync(_root);

        var finding = Assert.Single(result.Secrets());
        Assert.Equal(expected, finding.Severity);
        Assert.Equal(role == "anon", finding.Message.Contains("Supabase anon (public) key", StringComparison.Ordinal));
    }

    private static string Jwt(string payload, int seed) =>
        string.Join('.', Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"), Base64Url(payload), SampleTemplate.Expand("{b64url:43}", seed));

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
