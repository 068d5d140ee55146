using System.Text;
using Muster.Agents.Command;
using Muster.Agents.Secrets;
using Muster.Model;
using Muster.Tests.Agents.Secrets;
using Muster.Tests.TestSupport;
using static Muster.Tests.Agents.Command.TestContexts;

namespace Muster.Tests.Agents.Command;

/// <summary>Issue 18, leak path 2: no text a command agent turns into a result carries a planted credential.</summary>
public class CommandScrubTests
{
    private static readonly RuleBasedSecretScrubber Scrubber = new();

    private static readonly string[] Plants =
    [
        Planted.Anthropic(181), Planted.GitHub(182), Planted.GoogleApiKey(183), Planted.OpenAiProject(184), Planted.AwsKeyId(185),
    ];

    private static Task<AgentResult> Run(string root, Dictionary<string, object?> settings) =>
        new CommandAgent().RunAsync(For(root, settings, Scrubber), CancellationToken.None);

    /// <summary>A script that prints the files the test wrote to stdout and stderr: the values never appear in the arguments.</summary>
    private static Dictionary<string, object?> Printing(TempTree root, string stdout, string stderr, string? parser = null)
    {
        root.Write("out.txt", stdout);
        root.Write("err.txt", stderr);
        var settings = new Dictionary<string, object?> { ["program"] = "sh", ["args"] = List("-c", "cat out.txt; cat err.txt >&2") };
        if (parser is not null) settings["parser"] = parser;
        return settings;
    }

    private static string Lines(string format) => string.Join('\n', Plants.Select((p, i) => string.Format(format, p, i + 1))) + "\n";

    [Fact]
    public async Task Stdout_without_a_parser_and_stderr_reach_no_artifact_whole()
    {
        using var root = new TempTree();
        var aws = Planted.AwsSecret(186);
        var password = Planted.Password(187);
        var stderr = Lines("warning: key {0} rejected") + $"aws_secret_access_key={aws}\nDatabase password: {password}\n";
        var result = await Run(root.Path, Printing(root, Lines("token {0}"), stderr));
        Assert.Equal(2, result.Artifacts.Count);
        var text = Text(result);
        AssertNoRunOfAnyPlant(text);
        Assert.DoesNotContain(aws[..12], text);
        Assert.DoesNotContain(password, text);
    }

    [Fact]
    public async Task Sarif_snippets_messages_and_properties_are_scrubbed()
    {
        using var root = new TempTree();
        root.Write("src/app.py", "x = 1\n");
        var results = string.Join(",\n", Plants.Select((p, i) => $$"""
            { "ruleId": "leak-{{i}}", "level": "error", "message": { "text": "found {{p}} here" },
              "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "src/app.py" },
                "region": { "startLine": 1, "snippet": { "text": "API_KEY = \"{{p}}\"" } } } } ],
              "properties": { "match": "{{p}}" } }
            """));
        var sarif = $$"""
            { "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "scanner" } }, "results": [ {{results}} ] } ] }
            """;
        var result = await Run(root.Path, Printing(root, sarif, Lines("scanned {0}"), "sarif"));
        Assert.Equal(Plants.Length, result.Findings.Count);
        AssertNoRunOfAnyPlant(Text(result));
    }

    [Fact]
    public async Task Regex_parsed_messages_are_scrubbed()
    {
        using var root = new TempTree();
        root.Write("src/app.py", "x = 1\n");
        var settings = Printing(root, Lines("src/app.py:{1}: error: hard-coded {0}"), "", "regex");
        settings["pattern"] = @"^(?<file>[^:]+):(?<line>\d+): (?<severity>\w+): (?<message>.*)$";
        var result = await Run(root.Path, settings);
        Assert.Equal(Plants.Length, result.Findings.Count);
        AssertNoRunOfAnyPlant(Text(result));
    }

    [Fact]
    public async Task A_failing_tool_names_its_stderr_without_the_credential()
    {
        using var root = new TempTree();
        var settings = Printing(root, "", Lines("fatal: bad credential {0}"));
        settings["args"] = List("-c", "cat err.txt >&2; exit 4");
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Run(root.Path, settings));
        Assert.Contains("exited with code 4", e.Message);
        AssertNoRunOfAnyPlant(e.Message);
    }

    private static string Text(AgentResult result)
    {
        var text = new StringBuilder(result.Summary).AppendLine();
        foreach (var f in result.Findings)
        {
            text.AppendLine(string.Join('\n', f.RuleId, f.Title, f.Category, f.Message, f.Evidence, f.Remediation, f.Fingerprint, f.Location?.ToString()));
            foreach (var (k, v) in f.Properties) text.AppendLine(k + "=" + v);
        }
        foreach (var a in result.Artifacts) text.AppendLine(a.Name).AppendLine(a.Content);
        return text.ToString();
    }

    internal static void AssertNoRunOfAnyPlant(string text)
    {
        foreach (var plant in Plants) LeakCheck.AssertNone(text, plant, "the output");
    }
}
