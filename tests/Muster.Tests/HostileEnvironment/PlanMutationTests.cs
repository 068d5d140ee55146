using System.Text.RegularExpressions;
using Muster.Composition;
using Muster.Engine.Plans;
using Muster.Formats;

namespace Muster.Tests.HostileEnvironment;

/// <summary>Byte-flipped, truncated and padded plans: `plan check` answers 0 or 2 with file:line:column, never an internal error.</summary>
public sealed partial class PlanMutationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-planfuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [GeneratedRegex(@"^.+:\d+:\d+: error: ", RegexOptions.Multiline)]
    private static partial Regex PlanErrorLine();

    private static IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        yield return ("default", System.Text.Encoding.UTF8.GetBytes(DefaultPlan.Yaml(BuiltInAgents.CreateRegistry())));
        yield return ("agents", File.ReadAllBytes(Path.Combine(RepoRoot(), "samples", "plans", "agents.yaml")));
    }

    [Fact]
    public async Task Two_hundred_seeded_mutations_of_the_sample_plans_never_crash_and_every_error_has_a_location()
    {
        var random = new Random(18);
        var seeds = Seeds().ToList();
        var outcomes = new Dictionary<int, int>();
        for (var i = 0; i < 200; i++)
        {
            var (name, original) = seeds[i % seeds.Count];
            var (how, bytes) = Mutate(original, random);
            var file = Path.Combine(_dir, $"{name}-{i}.yaml");
            await File.WriteAllBytesAsync(file, bytes);

            var (code, _, err) = await CliRunner.RunAsync("plan", "check", file);

            outcomes[code] = outcomes.GetValueOrDefault(code) + 1;
            Assert.True(code is 0 or 2, $"mutation {i} ({how}) of {name} gave exit {code}:\n{err}");
            if (code == 2) Assert.True(PlanErrorLine().IsMatch(err), $"mutation {i} ({how}) of {name}: no file:line:column in\n{err}");
            Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        }
        Assert.True(outcomes.GetValueOrDefault(2) > 50, "the mutations should break most plans: " + string.Join(", ", outcomes));
    }

    private static (string How, byte[] Bytes) Mutate(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        switch (random.Next(4))
        {
            case 0:
                for (var n = random.Next(1, 4); n > 0; n--) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return ("bit flips", bytes);
            case 1:
                return ("truncated", bytes[..random.Next(bytes.Length)]);
            case 2:
                var at = random.Next(bytes.Length);
                const string syntax = "[]{}:,&*!|>'\"%@`#-?\t\0";
                bytes[at] = (byte)syntax[random.Next(syntax.Length)];
                return ("syntax byte", bytes);
            default:
                var from = random.Next(bytes.Length);
                var length = Math.Min(random.Next(1, 64), bytes.Length - from);
                return ("deleted run", [.. bytes[..from], .. bytes[(from + length)..]]);
        }
    }

    [Theory]
    [InlineData("timeout: {hard: 99999999999d}", "timeout.hard")]
    [InlineData("timeout: {soft: 1e300s, hard: 1m}", "timeout.soft")]
    [InlineData("timeout: 99999999999h", "timeout")]
    [InlineData("retry-backoff: 99999999999d", "retry-backoff")]
    [InlineData("retry-backoff: -99999999999m", "retry-backoff")]
    public async Task A_huge_duration_is_rejected_with_its_location_and_the_allowed_range(string setting, string key)
    {
        var file = Path.Combine(_dir, "huge.yaml");
        await File.WriteAllTextAsync(file, $"name: p\nwaves:\n  - name: one\n    agents:\n      - id: a\n        kind: noop\n        {setting}\n");

        var (code, _, err) = await CliRunner.RunAsync("plan", "check", file);

        Assert.True(code == 2, err);
        Assert.Matches($@"{Regex.Escape(file)}:7:\d+: error: '{Regex.Escape(key)}' is out of range: .* is longer than 30d", err);
        Assert.Contains("fix: write a duration from 1ms to 30d", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("2d", 172_800_000)]
    [InlineData("30d", 2_592_000_000)]
    [InlineData("1.5m", 90_000)]
    public void Durations_within_range_parse(string text, double milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var d));
        Assert.Equal(milliseconds, d.TotalMilliseconds);
    }

    [Theory]
    [InlineData("31d")]
    [InlineData("99999999999d")]
    [InlineData("1e308h")]
    [InlineData("-1e20s")]
    public void Durations_beyond_the_maximum_are_out_of_range_not_an_overflow(string text)
    {
        Assert.False(DurationText.TryParse(text, out _, out var outOfRange));
        Assert.True(outOfRange);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Muster.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Muster.slnx not found above " + AppContext.BaseDirectory);
    }
}
