using static Muster.SecretsCorpus.CaseValues;

namespace Muster.SecretsCorpus.Cases;

/// <summary>P8: values shaped like a provider token but written by hand for an example, a test or a doc.</summary>
internal static class P08SampleFakes
{
    public static IEnumerable<QualityCase> Cases() => new CaseList("P8")
    {
        { "alphabet run", "src/config.sample.py", v => "GITHUB_TOKEN = \"gh" + "p_abcdefghijklmnopqrstuvwxyz0123456789\"\n" },
        { "digit run", "src/billing.py", v => "stripe.api_key = \"sk" + "_live_1234567890abcdefghijklmnop\"\n" },
        { "repeated character", "src/gh.ts", v => "const token = 'gh" + "p_000000000000000000000000000000000000';\n" },
        { "FAKE inside the value", "src/slack.rb", v => "SLACK = 'xo" + "xb-123456789012-FAKE-TOKEN-FOR-TESTS-ONLY'\n" },
        { "fake marker comment", "lib/aws.go", v => $"// fake credentials, not valid\nconst secret = \"{v.B64(40)}\"\nconst id = \"AK" + "IA" + $"{v.B32(16)}\"\n" },
        { "FP marker", "lib/keys.js", v => $"const key = 'AI" + "za" + $"{v.B64Url(35)}'; // FP: documented example key\n" },
        { "dummy marker", "app/seed.py", v => $"dummy_api_key = \"sk-" + "proj-" + $"{v.Alnum(56)}\"\n" },
        { "GitHub token with a failing checksum", "app/notify.py", v => "TOKEN = \"gh" + $"p_{v.Alnum(36)}\"\n" },
        { "npm token with a failing checksum", "ci/.npmrc.ci", v => "//registry.npmjs.org/:_authToken=np" + $"m_{v.Alnum(36)}\n" },
        { "ascending hex", "src/cfg.go", v => "apiKey := \"0123456789abcdef0123456789abcdef\"\n" },
        // Positives: random tokens that happen to hold a short run are still tokens.
        { "real token with a short run", "app/ci.env", v => $"GITHUB_TOKEN={Secret(v.Base62Checksummed("gh" + "p_"))}\n" },
        { "random password with 1234", "app/db.env", v => $"DB_PASSWORD={Secret(v.Upper(2) + v.Lower(3) + "1234" + v.Alnum(3) + "!")}\n" },
    };
}
