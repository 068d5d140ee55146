using System.Text.RegularExpressions;
using Muster.Agents.Secrets;

namespace Muster.Tests.Agents.Secrets;

/// <summary>
/// The rule regexes' timeout is wall-clock time: on a loaded machine an innocent window can exceed it. Such a window is
/// retried once with a patient copy of the regex, so a slow machine never turns into a silent miss.
/// </summary>
public sealed class RegexTimeoutRetryTests
{
    // The first alternative fails only after exponential backtracking over the run of 'a's; the second then matches.
    private const string SlowThenMatching = @"(?:(a|aa)+c|zzkey=(?<secret>[A-Za-z0-9]{24}))";

    [Fact]
    public void A_window_whose_first_attempt_times_out_is_retried_and_its_secret_reported()
    {
        var value = RandomAlnum(24, seed: 7);
        var text = new string('a', 22) + " zzkey=" + value + "\n";
        var impatient = new Regex(SlowThenMatching, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(1));
        Assert.Throws<RegexMatchTimeoutException>(() => impatient.IsMatch(text));

        var template = SecretRuleSet.FromYaml("""
            rules:
              - id: slow-rule
                description: a rule whose regex is slow on a run of letters
                keywords: [zzkey]
                regex: 'zzkey=(?<secret>[A-Za-z0-9]{24})'
                before: 64
                remediation: rotate it
            """).Rules[0];
        var rule = template with { Regex = impatient, SecretGroupNumber = impatient.GroupNumberFromName("secret") };
        var detector = new SecretDetector(new SecretRuleSet([rule]));

        var timeouts = 0;
        var hits = detector.Scan(text, 0, isLast: true, ref timeouts);

        Assert.Equal(0, timeouts);
        var hit = Assert.Single(hits);
        Assert.Equal("slow-rule", hit.Rule.Id);
    }

    private static string RandomAlnum(int length, int seed)
    {
        const string chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var random = new Random(seed);
        return new string(Enumerable.Range(0, length).Select(_ => chars[random.Next(chars.Length)]).ToArray());
    }
}
