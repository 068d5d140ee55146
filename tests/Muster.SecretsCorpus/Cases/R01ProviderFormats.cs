using static Muster.SecretsCorpus.CaseValues;

namespace Muster.SecretsCorpus.Cases;

/// <summary>R1: provider token formats with a published prefix and charset, in the files people paste them into.</summary>
internal static class R01ProviderFormats
{
    public static IEnumerable<QualityCase> Cases() => new CaseList("R1")
    {
        { "GitLab deploy token", "ci/deploy.env", v => $"CI_DEPLOY_USER=gitlab+deploy-token-12\nCI_DEPLOY_PASSWORD={Secret("gl" + "dt-" + v.B64Url(20))}\n" },
        { "GitLab runner token", "runner/config.toml", v => $"[[runners]]\n  name = \"docker\"\n  token = \"{Secret("gl" + "rt-" + v.B64Url(20))}\"\n" },
        { "GitLab CI job token", "logs/job.log", v => $"Using CI_JOB_TOKEN {Secret("gl" + "cbt-" + v.Hex(2) + "_" + v.B64Url(20))} for the registry\n" },
        { "GitLab feed token", "notes/rss.txt", v => $"https://gitlab.example.org/dashboard/issues.atom?feed_token={Secret("gl" + "ft-" + v.B64Url(20))}\n" },
        { "GitLab incoming mail token", "config/gitlab.yml", v => $"incoming_email:\n  address: \"incoming+%{{key}}@gitlab.example.org\"\n  token: {Secret("gl" + "imt-" + v.Alnum(25))}\n" },
        { "GitLab agent token", "k8s/agent.yaml", v => $"config:\n  token: {Secret("gl" + "agent-" + v.B64Url(50))}\n" },
        { "GitLab SCIM token", "idp/scim.json", v => $"{{\"scim_token\": \"{Secret("gl" + "soat-" + v.B64Url(20))}\"}}\n" },
        { "GitLab OAuth app secret", "auth/oauth.env", v => $"GITLAB_APP_SECRET={Secret("gl" + "oas-" + v.B64Url(64))}\n" },
        { "PostHog personal key", "analytics/.env.local", v => $"POSTHOG_PERSONAL_API_KEY={Secret("ph" + "x_" + v.Alnum(43))}\n" },
        { "New Relic insert key", "newrelic.yml", v => $"insert_key: {Secret("NR" + "II-" + v.B64Url(32))}\n" },
        { "New Relic license key", "newrelic.ini", v => $"license_key = {Secret(v.Hex(36) + "NR" + "AL")}\n" },
        { "New Relic browser key", "web/nr.js", v => $"window.NREUM.loader_config = {{ licenseKey: \"{Secret("NR" + "JS-" + v.Hex(19))}\" }};\n" },
        { "New Relic query key", "ops/query.sh", v => $"curl -H \"X-Query-Key: {Secret("NR" + "IQ-" + v.B64Url(32))}\" https://insights-api.newrelic.com/v1/accounts/1/query\n" },
        { "Cloudflare API token", "infra/cloudflare.tf", v => $"provider \"cloudflare\" {{\n  api_token = \"{Secret(v.B64Url(40))}\"\n}}\n" },
        { "Cloudflare global key", "scripts/dns.sh", v => $"export CF_API_KEY={Secret(v.Hex(37))}\nexport CF_API_EMAIL=ops@example.org\n" },
        { "Cloudflare origin CA key", "certs/origin.env", v => $"ORIGIN_CA_KEY={Secret("v1.0-" + v.Hex(24) + "-" + v.Hex(146))}\n" },
        { "PlanetScale token", "db/.planetscale", v => $"PLANETSCALE_SERVICE_TOKEN={Secret("pscale" + "_tkn_" + v.B64Url(43))}\n" },
        { "PlanetScale password", "db/conn.txt", v => $"password: {Secret("pscale" + "_pw_" + v.B64Url(43))}\n" },
        { "WeChat app secret", "mp/config.js", v => $"module.exports = {{\n  appId: 'wx{v.Hex(16)}',\n  wechatAppSecret: '{Secret(v.Hex(32))}',\n}};\n" },
        { "Salesforce access token", "sfdx/auth.json", v => $"{{\"accessToken\": \"{Secret("00D" + v.Alnum(12) + "!" + v.Alnum(96))}\"}}\n" },
        { "Docker Hub PAT", "ci/docker.sh", v => $"echo {Secret("dckr" + "_pat_" + v.B64Url(27))} | docker login -u bot --password-stdin\n" },
        { "Docker org access token", "ci/push.env", v => $"DOCKER_OAT={Secret("dckr" + "_oat_" + v.B64Url(32))}\n" },
        { "Docker swarm join token", "ops/swarm.md", v => $"docker swarm join --token {Secret("SWMTKN-1-" + v.LowDig(50) + "-" + v.LowDig(25))} 10.0.0.5:2377\n" },
        { "Together AI key", "llm/.env", v => $"TOGETHER_API_KEY={Secret(v.Hex(64))}\n" },
        { "Supabase PAT", "supabase/.env", v => $"SUPABASE_ACCESS_TOKEN={Secret("sb" + "p_" + v.Hex(40))}\n" },
        { "Supabase secret key", "api/server.ts", v => $"const supabase = createClient(url, \"{Secret("sb" + "_secret_" + v.B64Url(32))}\");\n" },
        { "Stripe restricted test key", "billing/test.env", v => $"STRIPE_KEY={Secret("rk" + "_test_" + v.Alnum(99))}\n" },
        { "Atlassian Data Center PAT", "jira/cli.cfg", v => $"[jira]\nserver = https://jira.example.org\npersonal_access_token = {Secret(Base64(v.Digits(12) + ":" + v.Alnum(24)))}\n" },
        { "JFrog API key", "ci/artifactory.env", v => $"ARTIFACTORY_API_KEY={Secret("AKC" + "p" + v.Alnum(69))}\n" },
        { "JFrog reference token", "ci/jf.env", v => $"JF_ACCESS_TOKEN={Secret("cmVmdGtu" + "OjAxOj" + v.Alnum(50))}\n" },
        { "Heroku new-format key", "deploy/heroku.sh", v => $"export HEROKU_API_KEY={Secret("HR" + "KU-" + v.B64Url(60))}\n" },
        { "Firebase Cloud Messaging server key", "push/fcm.php", v => $"$serverKey = '{Secret("AAAA" + v.B64Url(7) + ":APA91b" + v.B64Url(134))}';\n" },
        { "Figma token", "design/sync.py", v => $"FIGMA_TOKEN = \"{Secret("fig" + "d_" + v.B64Url(40))}\"\n" },
        { "AWS Bedrock API key", "bedrock/.env", v => $"AWS_BEARER_TOKEN_BEDROCK={Secret("AB" + "SK" + "QmVkcm9ja0FQSUtleS" + v.B64(120))}\n" },
        { "1Password service account", "ops/op.env", v => $"OP_SERVICE_ACCOUNT_TOKEN={Secret("op" + "s_eyJ" + v.B64Url(300))}\n" },
        { "1Password secret key", "notes/emergency-kit.txt", v => $"Secret Key: {Secret("A3-" + v.UpDig(6) + "-" + v.UpDig(6) + "-" + v.UpDig(5) + "-" + v.UpDig(5) + "-" + v.UpDig(5) + "-" + v.UpDig(5))}\n" },
        { "Akamai EdgeGrid", ".edgerc", v => $"[default]\nclient_secret = {Secret(v.B64(43) + "=")}\nhost = akab-{v.LowDig(16)}-{v.LowDig(16)}.luna.akamaiapis.net\naccess_token = {Secret("akab-" + v.LowDig(16) + "-" + v.LowDig(16))}\nclient_token = {Secret("akab-" + v.LowDig(16) + "-" + v.LowDig(16))}\n" },
        { "Brevo API key", "mail/brevo.env", v => $"BREVO_API_KEY={Secret("xkey" + "sib-" + v.Hex(64) + "-" + v.Alnum(16))}\n" },
        { "Vercel token", "ci/vercel.yml", v => $"env:\n  VERCEL_TOKEN: {Secret(v.Alnum(24))}\n" },
        { "Netlify PAT", "ci/netlify.toml", v => $"[build.environment]\n  NETLIFY_AUTH_TOKEN = \"{Secret("nf" + "p_" + v.Alnum(36))}\"\n" },
        { "RubyGems key", ".gem/credentials", v => $"---\n:rubygems_api_key: {Secret("rubygems" + "_" + v.Hex(48))}\n" },
        { "Dropbox short-lived token", "sync/dropbox.py", v => $"dbx = dropbox.Dropbox(\"{Secret("sl." + v.B64Url(138))}\")\n" },
        { "Dynatrace token", "monitoring/dt.yaml", v => $"apiToken: {Secret("dt0" + "c01." + v.UpDig(24) + "." + v.UpDig(64))}\n" },
        { "Tavily key", "agents/search.py", v => $"client = TavilyClient(api_key=\"{Secret("tv" + "ly-" + v.Alnum(32))}\")\n" },
        { "NATS user seed", "nats/user.creds", v => $"-----BEGIN USER NKEY SEED-----\n{Secret(NkeySeed(v, 'U'))}\n------END USER NKEY SEED------\n" },
        { "TOTP seed in an otpauth URL", "ops/2fa.txt", v => $"otpauth://totp/Example:ops@example.org?secret={Secret(v.B32(32))}&issuer=Example\n" },
        { "DeepSeek key", "llm/deepseek.env", v => $"DEEPSEEK_API_KEY={Secret("sk" + "-" + v.Hex(32))}\n" },
        { "Fireworks key", "llm/fireworks.py", v => $"fireworks.client.api_key = \"{Secret("fw" + "_" + v.Alnum(24))}\"\n" },
        { "NVIDIA NIM key", "llm/nim.env", v => $"NVIDIA_API_KEY={Secret("nv" + "api-" + v.B64Url(64))}\n" },
        { "Pinecone key", "rag/pinecone.env", v => $"PINECONE_API_KEY={Secret("pc" + "sk_" + v.Alnum(6) + "_" + v.Alnum(64))}\n" },
        { "Langfuse secret key", "obs/langfuse.env", v => $"LANGFUSE_SECRET_KEY={Secret("sk" + "-lf-" + v.Uuid())}\nLANGFUSE_PUBLIC_KEY=pk-lf-{v.Uuid()}\n" },
        { "Cerebras key", "llm/cerebras.env", v => $"CEREBRAS_API_KEY={Secret("cs" + "k-" + v.LowDig(48))}\n" },
        { "Firecrawl key", "crawl/app.py", v => $"app = FirecrawlApp(api_key=\"{Secret("fc" + "-" + v.Hex(32))}\")\n" },
        { "Voyage key", "rag/voyage.env", v => $"VOYAGE_API_KEY={Secret("pa" + "-" + v.B64Url(43))}\n" },
        // Negatives: the same prefixes in shapes that are not tokens.
        { "GitLab prefix in a docs sentence", "docs/tokens.md", v => "Runner tokens start with `glrt-`; deploy tokens with `gldt-`.\n" },
        { "PostHog project key is public", "web/posthog.js", v => $"posthog.init('phc_{v.Alnum(43)}', {{ api_host: 'https://eu.posthog.com' }})\n" },
        { "Truncated Dynatrace token", "monitoring/readme.txt", v => $"Token format: dt0c01.{v.UpDig(8)}...\n" },
        { "NATS public user key", "nats/account.conf", v => $"authorization: {{ users: [ {{ nkey: U{v.B32(55)} }} ] }}\n" },
        { "Docker swarm token placeholder", "ops/swarm-notes.md", v => "docker swarm join --token SWMTKN-1-<token> manager:2377\n" },
        { "Together model name", "llm/models.py", v => "MODEL = \"together/meta-llama-3-70b-instruct-turbo\"\n" },
    };

    /// <summary>An NKEY seed: base32 of the seed prefix bytes, 32 random bytes and their CRC-16 (XMODEM), unpadded.</summary>
    private static string NkeySeed(CaseValues v, char kind)
    {
        var typeByte = kind switch { 'U' => 20 << 3, 'A' => 0, 'O' => 14 << 3, _ => 13 << 3 };
        var raw = new List<byte> { (byte)((18 << 3) | (typeByte >> 5)), (byte)((typeByte & 31) << 3) };
        raw.AddRange(v.Bytes(32));
        var crc = Crc16(raw);
        raw.Add((byte)(crc & 0xFF));
        raw.Add((byte)(crc >> 8));
        return Base32(raw.ToArray());
    }

    private static ushort Crc16(IEnumerable<byte> data)
    {
        ushort crc = 0;
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++) crc = (ushort)((crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1);
        }
        return crc;
    }

    private static string Base32(byte[] data)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var sb = new System.Text.StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                sb.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) sb.Append(alphabet[(buffer << (5 - bits)) & 31]);
        return sb.ToString();
    }
}
