using static Muster.SecretsCorpus.CaseValues;

namespace Muster.SecretsCorpus.Cases;

/// <summary>R10: one value on several lines or in several files: every line that must be cleaned is named.</summary>
internal static class R10RepeatedValues
{
    public static IEnumerable<QualityCase> Cases() => new CaseList("R10")
    {
        { "same password three times", "deploy/stack.env", v =>
            { var pw = v.Password(); return $"DB_PASSWORD={Secret(pw)}\nREPLICA_PASSWORD={Secret(pw)}\n# keep in sync\nBACKUP_PASSWORD={Secret(pw)}\n"; } },
        { "same token in a script, twice", "scripts/release.sh", v =>
            { var t = v.Base62Checksummed("gh" + "p_"); return $"git clone https://x:{Secret(t)}@github.com/org/a.git\ngit clone https://x:{Secret(t)}@github.com/org/b.git\n"; } },
        { "same key in two files", ("bots/a.yaml", v => { var t = SharedToken(); return $"slack:\n  token: {Secret(t)}\n  fallback_token: {Secret(t)}\n"; }),
            ("bots/b.yaml", v => $"slack_token: {Secret(SharedToken())}\n") },
        { "distinct values, one per line", "config/keys.env", v => $"A_API_KEY={Secret(v.Alnum(32))}\nB_API_KEY={Secret(v.Alnum(32))}\n" },
        { "same password in compose and a script", ("compose/app.yml", v => $"services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: {Secret(SharedPassword())}\n"),
            ("compose/init.sh", v => $"psql \"postgresql://postgres:{Secret(SharedPassword())}@db/postgres\" -f init.sql\n") },
    };

    // Both files of a case draw the same value from the same fixed seed.
    private static string SharedToken()
    {
        var v = new CaseValues(new Random(4242));
        return "xo" + "xb-" + v.Digits(12) + "-" + v.Digits(13) + "-" + v.Alnum(24);
    }

    private static string SharedPassword() => new CaseValues(new Random(4343)).Password();
}
