using Muster.Agents;
using Muster.Agents.Command.Parsers;
using Muster.Model;
using Muster.Tests.Agents.Llm;

namespace Muster.Tests.Agents.Command;

public class ParserTests
{
    private static ParserContext Context(string root, Dictionary<string, object?>? settings = null, ISecretScrubber? scrubber = null) => new()
    {
        Root = root,
        WorkingDirectory = root,
        AgentId = "cmd",
        Scrubber = scrubber ?? NoSecretScrubber.Instance,
        SeverityMap = OutputSettings.From(new AgentSettings(settings ?? [])).SeverityMap,
    };

    private static IOutputParser Parser(Dictionary<string, object?> settings) =>
        OutputParsers.Create(OutputSettings.From(new AgentSettings(settings)))!;

    [Fact]
    public void Sarif_results_keep_rule_ids_locations_and_security_severity()
    {
        var parsed = new SarifParser().Parse(ParserSamples.Sarif, Context("/work/ws"));

        Assert.Equal(3, parsed.Findings.Count);
        Assert.Equal(4, parsed.Metrics["sarif_results"]);
        Assert.Equal(1, parsed.Metrics["sarif_suppressed"]);
        var password = parsed.Findings[0];
        Assert.Equal("python.secrets.hardcoded-password", password.RuleId);
        Assert.Equal(Severity.Critical, password.Severity);
        Assert.Equal(new SourceLocation("src/app.py", 1, 1), password.Location);
        Assert.Equal("Hard-coded password", password.Title);
        Assert.Equal("semgrep oss", password.Category);
        Assert.Equal("Read the password from a secret store.", password.Remediation);
        Assert.Equal("9.1", password.Properties["security-severity"]);
        var todo = parsed.Findings[1];
        Assert.Equal(Severity.Low, todo.Severity);
        Assert.Equal("TODO in app.py", todo.Message);
        Assert.Equal("src/app copy.py", todo.Location!.Path);
        var outside = parsed.Findings[2];
        Assert.Null(outside.Location);
        Assert.Contains("outside the audited root", outside.Message);
        Assert.Equal(3, parsed.Findings.Select(f => f.Fingerprint).Distinct().Count());
    }

    [Fact]
    public void Sarif_absolute_file_uris_inside_the_root_become_relative()
    {
        var sarif = """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[{"ruleId":"R1","level":"error","message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"file:///work/ws/a/b.cs"},"region":{"startLine":5}}}]}]}]}""";
        var finding = Assert.Single(new SarifParser().Parse(sarif, Context("/work/ws")).Findings);
        Assert.Equal(new SourceLocation("a/b.cs", 5), finding.Location);
        Assert.Equal(Severity.High, finding.Severity);
    }

    [Fact]
    public void Sarif_severity_map_overrides_levels()
    {
        var sarif = """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[{"ruleId":"R1","level":"warning","message":{"text":"m"}}]}]}""";
        var settings = new Dictionary<string, object?> { ["severity-map"] = TestContexts.Map(("warning", "critical")) };
        Assert.Equal(Severity.Critical, new SarifParser().Parse(sarif, Context("/r", settings)).Findings[0].Severity);
    }

    [Fact]
    public void Sarif_snippets_and_messages_are_scrubbed()
    {
        var secret = TestSecrets.OpenAiKey(11);
        var sarif = """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"gitleaks"}},"results":[{"ruleId":"openai-key","message":{"text":"key SECRET found"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":".env"},"region":{"startLine":1,"snippet":{"text":"OPENAI_API_KEY=SECRET"}}}}]}]}]}"""
            .Replace("SECRET", secret);
        var finding = new SarifParser().Parse(sarif, Context("/r", scrubber: new TestSecretScrubber())).Findings[0];
        Assert.DoesNotContain(secret, finding.Message);
        Assert.DoesNotContain(secret, finding.Evidence);
        Assert.Contains(Redaction.Ellipsis, finding.Evidence!);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"version\":\"2.1.0\"}")]
    public void Sarif_parser_refuses_what_is_not_sarif(string output)
    {
        Assert.Throws<OutputParseException>(() => new SarifParser().Parse(output, Context("/r")));
    }

    [Fact]
    public void JUnit_counts_testcases_and_reports_each_failure()
    {
        var parsed = new JUnitParser().Parse(ParserSamples.JUnit, Context("/work/ws"));

        Assert.Equal(5, parsed.Metrics["tests_total"]);
        Assert.Equal(2, parsed.Metrics["tests_failed"]);
        Assert.Equal(1, parsed.Metrics["tests_errors"]);
        Assert.Equal(1, parsed.Metrics["tests_skipped"]);
        Assert.Equal(2, parsed.Metrics["tests_passed"]);
        Assert.Equal(2, parsed.Findings.Count);
        var failure = parsed.Findings.Single(f => f.RuleId == "JUNIT-FAILURE");
        Assert.Equal("Test failed: auth.login.rejects expired token", failure.Title);
        Assert.Equal("expected 401, received 200", failure.Message);
        Assert.Equal(new SourceLocation("src/auth.test.ts", 42), failure.Location);
        var error = parsed.Findings.Single(f => f.RuleId == "JUNIT-ERROR");
        Assert.Contains("No module named 'auth'", error.Message);
    }

    [Fact]
    public void JUnit_single_suite_root_is_read()
    {
        var parsed = new JUnitParser().Parse("<testsuite name='x'><testcase name='a'/></testsuite>", Context("/r"));
        Assert.Equal(1, parsed.Metrics["tests_total"]);
        Assert.Empty(parsed.Findings);
    }

    [Theory]
    [InlineData("<html><body/></html>")]
    [InlineData("tests passed")]
    [InlineData("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><testsuite>&e;</testsuite>")]
    public void JUnit_parser_refuses_other_xml_text_and_dtds(string output)
    {
        Assert.Throws<OutputParseException>(() => new JUnitParser().Parse(output, Context("/r")));
    }

    [Fact]
    public void Tsc_plain_form_with_continuation_and_global_errors()
    {
        var parsed = new TscParser().Parse(ParserSamples.TscPlain, Context("/work/ws"));

        Assert.Equal(4, parsed.Metrics["type_errors"]);
        Assert.Equal(4, parsed.Findings.Count);
        var first = parsed.Findings[0];
        Assert.Equal("TS2322", first.RuleId);
        Assert.Equal(new SourceLocation("src/index.ts", 12, 7), first.Location);
        Assert.Contains("Property 'b' is missing", parsed.Findings[2].Message);
        Assert.Null(parsed.Findings[3].Location);
        Assert.Equal("TS5083", parsed.Findings[3].RuleId);
    }

    [Fact]
    public void Tsc_pretty_form_with_colours_and_source_excerpt()
    {
        var parsed = new TscParser().Parse(ParserSamples.TscPretty, Context("/work/ws"));

        var finding = Assert.Single(parsed.Findings);
        Assert.Equal(1, parsed.Metrics["type_errors"]);
        Assert.Equal(new SourceLocation("src/index.ts", 12, 7), finding.Location);
        Assert.Equal("Type 'string' is not assignable to type 'number'.", finding.Message);
    }

    [Fact]
    public void Tsc_clean_output_is_zero_errors()
    {
        Assert.Equal(0, new TscParser().Parse("", Context("/r")).Metrics["type_errors"]);
    }

    [Fact]
    public void Eslint_json_messages_become_findings()
    {
        var parsed = new EslintParser().Parse(ParserSamples.Eslint.Replace("{ROOT}", "/work/ws"), Context("/work/ws"));

        Assert.Equal(3, parsed.Findings.Count);
        Assert.Equal(2, parsed.Metrics["lint_errors"]);
        Assert.Equal(1, parsed.Metrics["lint_warnings"]);
        Assert.Equal(3, parsed.Metrics["lint_files"]);
        Assert.Equal("eslint/no-unused-vars", parsed.Findings[0].RuleId);
        Assert.Equal(Severity.Medium, parsed.Findings[0].Severity);
        Assert.Equal(new SourceLocation("web/app.js", 3, 7), parsed.Findings[0].Location);
        Assert.Equal(Severity.Low, parsed.Findings[1].Severity);
        Assert.Equal("eslint/parse-error", parsed.Findings[2].RuleId);
    }

    [Fact]
    public void Regex_parser_fills_findings_from_named_groups()
    {
        var settings = new Dictionary<string, object?>
        {
            ["pattern"] = @"^(?<file>[^:]+):(?<line>\d+):(?<col>\d+): (?<severity>\w+) \[(?<rule>[\w-]+)\] (?<message>.*)$",
            ["severity-map"] = TestContexts.Map(("warn", "LOW"), ("err", "HIGH")),
        };
        var output = "app/main.py:10:4: err [no-eval] eval() on input\nnoise line\napp/util.py:2:1: warn [naming] bad name\napp/x.py:1:1: critical [k] direct\n";
        settings["parser"] = "regex";
        var parsed = Parser(settings).Parse(output, Context("/work/ws", settings));

        Assert.Equal(3, parsed.Findings.Count);
        Assert.Equal("no-eval", parsed.Findings[0].RuleId);
        Assert.Equal(Severity.High, parsed.Findings[0].Severity);
        Assert.Equal(new SourceLocation("app/main.py", 10, 4), parsed.Findings[0].Location);
        Assert.Equal(Severity.Low, parsed.Findings[1].Severity);
        Assert.Equal(Severity.Critical, parsed.Findings[2].Severity);
    }

    [Fact]
    public void Regex_parser_needs_a_message_group()
    {
        var e = Assert.Throws<AgentSettingsException>(() => Parser(new() { ["parser"] = "regex", ["pattern"] = "(?<file>.*)" }));
        Assert.Equal("pattern", e.Key);
    }

    [Fact]
    public void Unknown_parser_name_lists_the_known_ones()
    {
        var e = Assert.Throws<AgentSettingsException>(() => Parser(new() { ["parser"] = "checkstyle" }));
        Assert.Contains("sarif", e.Message);
        Assert.Equal("parser", e.Key);
    }
}
