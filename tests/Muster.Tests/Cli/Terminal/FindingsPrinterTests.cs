using Muster.Agents;
using Muster.Agents.Secrets;
using Muster.Cli.Terminal;
using Muster.Model;
using Muster.Tests.Reports;

namespace Muster.Tests.Cli.Terminal;

public sealed class FindingsPrinterTests
{
    private static Finding F(Severity severity, string rule, string? path, int line, string title) => new()
    {
        RuleId = rule,
        Title = title,
        Severity = severity,
        Category = "security",
        Message = title,
        Location = path is null ? null : new SourceLocation(path, line),
    };

    private static readonly IReadOnlyList<Finding> Mixed =
    [
        F(Severity.Low, "R-LOW", "a.txt", 1, "low one"),
        F(Severity.High, "R-HIGH", "src/b.cs", 12, "high one"),
        F(Severity.Critical, "R-CRIT-LONGER", "z.env", 3, "critical in z"),
        F(Severity.Medium, "R-MED", null, 0, "medium without a file"),
        F(Severity.Critical, "R-CRIT", "a.env", 0, "critical, whole file"),
        F(Severity.Info, "R-INFO", "a.txt", 2, "info one"),
    ];

    private static string Print(TerminalSettings settings, IReadOnlyList<Finding> findings, string? report = "out/report.md", ISecretScrubber? scrubber = null)
    {
        var writer = new StringWriter();
        new FindingsPrinter(settings, scrubber ?? NoSecretScrubber.Instance).Print(findings, writer, report);
        return writer.ToString().ReplaceLineEndings("\n");
    }

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    [Fact]
    public void Findings_at_or_above_the_threshold_are_listed_worst_first_one_aligned_line_each_grouped_by_severity()
    {
        var text = Print(new TerminalSettings(), Mixed);

        Assert.Equal(Lines(
            "",
            "Findings at MEDIUM or above: 4 (2 below MEDIUM not listed; --min-severity INFO lists them)",
            "CRITICAL R-CRIT         a.env        critical, whole file",
            "CRITICAL R-CRIT-LONGER  z.env:3      critical in z",
            "",
            "HIGH     R-HIGH         src/b.cs:12  high one",
            "",
            "MEDIUM   R-MED          -            medium without a file"), text);
    }

    [Fact]
    public void Beyond_the_limit_the_rest_are_counted_and_pointed_at_the_report()
    {
        var text = Print(new TerminalSettings { MinSeverity = Severity.Info, Limit = 2 }, Mixed);

        Assert.Equal(2, text.Split('\n').Count(l => l.StartsWith("CRITICAL", StringComparison.Ordinal)));
        Assert.DoesNotContain("HIGH ", text, StringComparison.Ordinal);
        Assert.EndsWith("and 4 more in out/report.md\n", text, StringComparison.Ordinal);
        Assert.Contains("Findings at INFO or above: 6\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_report_file_the_hint_names_the_option_that_lists_them_all()
    {
        var text = Print(new TerminalSettings { Limit = 0 }, Mixed, report: null);

        Assert.EndsWith("and 4 more (--findings-limit 4 lists them all)\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_at_the_threshold_says_so_and_quiet_prints_nothing()
    {
        Assert.Equal(Lines("", "No finding at CRITICAL or above. (1 below CRITICAL not listed; --min-severity INFO lists them)"),
            Print(new TerminalSettings { MinSeverity = Severity.Critical }, [F(Severity.Low, "R", "a", 1, "t")]));
        Assert.Equal("", Print(new TerminalSettings { Quiet = true }, Mixed));
    }

    [Fact]
    public void Colour_marks_the_severity_only_when_asked_and_never_wraps_a_long_line()
    {
        var longTitle = string.Join(' ', Enumerable.Repeat("word", 60));
        var findings = new[] { F(Severity.Critical, "R", "a.env", 1, longTitle) };

        var plain = Print(new TerminalSettings(), findings);
        var colour = Print(new TerminalSettings { Colour = true }, findings);

        Assert.DoesNotContain('\u001b', plain);
        Assert.Contains("\u001b[", colour, StringComparison.Ordinal);
        var line = colour.Split('\n').Single(l => l.Contains("CRITICAL", StringComparison.Ordinal));
        Assert.EndsWith(longTitle, line, StringComparison.Ordinal);
        Assert.Equal(plain.Split('\n').Single(l => l.StartsWith("CRITICAL", StringComparison.Ordinal)),
            System.Text.RegularExpressions.Regex.Replace(line, "\u001b\\[[0-9;]*m", ""));
    }

    [Fact]
    public void A_secret_in_a_title_is_never_printed()
    {
        var key = TestSecrets.AnthropicShaped(77);
        var findings = new[] { F(Severity.High, "R", "a.env", 1, $"ANTHROPIC_API_KEY={key}") };

        var text = Print(new TerminalSettings(), findings, scrubber: new RuleBasedSecretScrubber());

        Assert.DoesNotContain(key[^60..], text, StringComparison.Ordinal);
        Assert.Contains("…", text, StringComparison.Ordinal);
        Assert.Contains("HIGH     R  a.env:1", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, null, "xterm-256color", true)]
    [InlineData(true, "", "xterm", true)]
    [InlineData(true, "1", "xterm", false)]
    [InlineData(true, null, "dumb", false)]
    [InlineData(false, null, "xterm", false)]
    public void Colour_needs_a_terminal_and_respects_NO_COLOR(bool terminal, string? noColor, string? term, bool expected) =>
        Assert.Equal(expected, TerminalSettings.ColourFor(terminal, noColor, term));
}
