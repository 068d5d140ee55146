using Muster.Composition;
using Muster.Gates;
using Muster.Model;
using Muster.Runs.Config;

namespace Muster.Tests.Runs;

/// <summary>muster.yaml and .musterignore: every value read, every mistake an error at file:line:column with the fix.</summary>
public sealed class RepoConfigParserTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private RepoConfig Parse(string yaml) => new RepoConfigParser(BuiltInAgents.CreateRegistry()).Parse(yaml, Path.Combine(_tree.Path, RepoConfig.FileName));

    private string Errors(string yaml) => string.Join('\n', Assert.Throws<RepoConfigException>(() => Parse(yaml)).Errors);

    [Fact]
    public void Every_key_is_read_with_paths_relative_to_the_file()
    {
        _tree.Write("ci/plan.yaml", "name: p\nwaves: [{name: w, agents: [{id: s, kind: secrets}]}]\n");
        var config = Parse("""
            plan: ci/plan.yaml
            agents:
              secrets: {exclude: ["fixtures/**"], history: none}
            gates: {tests: warn, type-check: off}
            fail-on: HIGH
            exclude: ["vendor/**", "**/testdata/**"]
            ignore-file: config/ignore.yaml
            baseline: config/baseline.json
            """);

        Assert.Equal(Path.Combine(_tree.Path, "ci", "plan.yaml"), config.PlanFile);
        Assert.Equal("none", config.AgentSettings["secrets"]["history"]);
        Assert.Equal([("tests", GateMode.Warn), ("type-check", GateMode.Off)], config.Gates.Overrides.Select(o => (o.GateId, o.Mode)));
        Assert.All(config.Gates.Overrides, o => Assert.Equal(GateModeOrigin.RepoConfig, o.Origin));
        Assert.Equal(Severity.High, config.FailOnFor(null));
        Assert.Null(config.FailOnFor(new FailOnSetting(null)));
        Assert.Equal(["vendor/**", "**/testdata/**"], config.Exclude);
        Assert.Equal(Path.Combine(_tree.Path, "config", "ignore.yaml"), config.IgnoreFile);
        Assert.Equal(Path.Combine(_tree.Path, "config", "baseline.json"), config.BaselineFile);
    }

    [Fact]
    public void The_file_muster_init_writes_is_valid_and_means_the_defaults()
    {
        var config = Parse(RepoConfigTemplate.Text);

        Assert.Null(config.PlanFile);
        Assert.Empty(config.Gates.Overrides);
        Assert.Empty(config.Exclude);
        Assert.Equal(Severity.Critical, config.FailOnFor(null));
        Assert.Equal(Path.Combine(_tree.Path, ".musterignore"), config.IgnoreFile);
        Assert.Equal(Path.Combine(_tree.Path, "muster-baseline.json"), config.BaselineFile);
        foreach (var key in RepoConfigParser.Keys) Assert.Contains(key + ":", RepoConfigTemplate.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gatse: {}\n", "muster.yaml:1:1: unknown key 'gatse' in the muster.yaml (did you mean 'gates'?")]
    [InlineData("gates:\n  tests: wran\n", "muster.yaml:2:10: gate 'tests' must be fail, warn or off, not 'wran' (did you mean 'warn'?")]
    [InlineData("gates:\n  test: warn\n", "muster.yaml:2:3: unknown key 'test' in the gates block (did you mean 'tests'?")]
    [InlineData("fail-on: HIHG\n", "muster.yaml:1:10: 'fail-on' must be CRITICAL, HIGH, MEDIUM, LOW, INFO or none, not 'HIHG' (did you mean 'HIGH'?)")]
    [InlineData("agents:\n  secrest: {}\n", "muster.yaml:2:3: unknown key 'secrest' in the agents block (did you mean 'secrets'?")]
    [InlineData("agents:\n  secrets: {exlude: [a]}\n", "muster.yaml:2:13: unknown key 'exlude' in the 'secrets' settings (did you mean 'exclude'?")]
    [InlineData("agents:\n  secrets:\n    threads: many\n", "muster.yaml:3:14: setting 'threads' must be a whole number")]
    [InlineData("agents:\n  command:\n    timeout: soon\n", "muster.yaml:3:14: setting 'timeout' must be a duration")]
    [InlineData("agents:\n  config-audit:\n    max-file-bytes: 0\n", "muster.yaml:3:21: setting 'max-file-bytes' must be a whole number of 1 or more")]
    [InlineData("plan: nowhere.yaml\n", "muster.yaml:1:7: plan file 'nowhere.yaml' not found")]
    [InlineData("exclude: {a: b}\n", "muster.yaml:1:10: 'exclude' must be a list of path globs")]
    [InlineData("gates: [tests]\n", "muster.yaml:1:8: 'gates' must be a mapping of gate name to fail, warn or off")]
    [InlineData("gates: {tests: warn\n", "muster.yaml:2:1: not valid YAML")]
    [InlineData("- a\n- b\n", "muster.yaml:1:1: a muster.yaml is a mapping of settings")]
    public void A_wrong_key_or_value_is_an_error_at_its_line_and_column_with_the_fix(string yaml, string expected)
    {
        Assert.Contains(expected, Errors(yaml), StringComparison.Ordinal);
    }

    [Fact]
    public void Overrides_need_not_repeat_the_settings_a_plan_gives()
    {
        // The plan holds 'program' and 'instructions'; muster.yaml only changes what it names.
        var config = Parse("agents:\n  command: {timeout: 5m}\n  llm: {max-turns: 3}\n");

        Assert.Equal("5m", config.AgentSettings["command"]["timeout"]);
        Assert.Equal("3", config.AgentSettings["llm"]["max-turns"]);
    }

    [Fact]
    public void Every_error_is_listed_in_file_order()
    {
        var errors = Assert.Throws<RepoConfigException>(() => Parse("gatse: {}\nfail-on: x\nexclude: {a: b}\n")).Errors;

        Assert.Equal([1, 2, 3], errors.Select(e => e.Line));
        Assert.All(errors, e => Assert.EndsWith(RepoConfig.FileName, e.File, StringComparison.Ordinal));
    }

    private IReadOnlyList<IgnoreEntry> Ignore(string yaml) => IgnoreFile.Parse(yaml, Path.Combine(_tree.Path, ".musterignore"));

    [Fact]
    public void Ignore_entries_name_a_fingerprint_or_a_rule_with_globs()
    {
        var entries = Ignore("""
            - fingerprint: 0a1b2c
              reason: reviewed
            - rule: secrets/generic-password
              paths: ["tests/**", "docs/*.md"]
              reason: fixtures
              expires: 2026-12-31
            """);

        Assert.Equal((1, "0a1b2c", (string?)null), (entries[0].Line, entries[0].Fingerprint, entries[0].Rule));
        Assert.Equal((3, new DateOnly(2026, 12, 31)), (entries[1].Line, entries[1].Expires!.Value));
        Assert.True(entries[1].Matches("secrets/generic-password", "x", "tests/unit/conf.py"));
        Assert.False(entries[1].Matches("secrets/generic-password", "x", "src/conf.py"));
        Assert.False(entries[1].Matches("secrets/other", "x", "tests/unit/conf.py"));
        Assert.True(entries[0].Matches("any", "0A1B2C", null));
        Assert.False(entries[1].IsExpired(new DateOnly(2026, 12, 31)));
        Assert.True(entries[1].IsExpired(new DateOnly(2027, 1, 1)));
    }

    [Theory]
    [InlineData("- fingerprint: abc\n", ".musterignore:1:3: the entry at line 1 has no 'reason:'")]
    [InlineData("- fingerprint: abc\n  reason: ok\n- rule: r\n  paths: [a]\n", ".musterignore:3:3: the entry at line 3 has no 'reason:'")]
    [InlineData("- fingerprint: abc\n  reason: \"\"\n", ".musterignore:2:11: the entry at line 1 has no 'reason:'")]
    [InlineData("- reason: why\n", ".musterignore:1:3: the entry at line 1 has neither 'fingerprint:' nor 'rule:'")]
    [InlineData("- rule: r\n  fingerprint: f\n  paths: [a]\n  reason: why\n", ".musterignore:1:3: the entry at line 1 has both 'fingerprint:' and 'rule:'")]
    [InlineData("- rule: r\n  reason: why\n", ".musterignore:1:9: the entry at line 1 names rule 'r' without 'paths:'")]
    [InlineData("- fingerprint: f\n  reason: why\n  expires: 31/12/2026\n", ".musterignore:3:12: 'expires' must be a date YYYY-MM-DD, not '31/12/2026'")]
    [InlineData("- fingerprint: f\n  reson: why\n", ".musterignore:2:3: unknown key 'reson' in the .musterignore entry (did you mean 'reason'?")]
    [InlineData("fingerprint: f\n", ".musterignore:1:1: .musterignore is a list of entries")]
    public void A_bad_ignore_entry_is_an_error_at_its_line(string yaml, string expected)
    {
        var errors = string.Join('\n', Assert.Throws<RepoConfigException>(() => Ignore(yaml)).Errors);

        Assert.Contains(expected, errors, StringComparison.Ordinal);
    }
}
