using Microsoft.Extensions.AI;
using Muster.Agents.Llm;
using Muster.Model;
using Muster.Tests.Agents.Command;

namespace Muster.Tests.Agents.Llm;

public class WorkspaceToolsTests
{
    private static Task<string> Call(TempTree root, string tool, Dictionary<string, object?> args, Muster.Agents.ISecretScrubber? scrubber = null)
    {
        var tools = new WorkspaceTools(LlmTestKit.Context(root.Path, [], scrubber));
        return tools.InvokeAsync(new FunctionCallContent("call_1", tool, args), CancellationToken.None);
    }

    [Fact]
    public void Only_read_only_tools_exist()
    {
        using var root = new TempTree();
        var tools = new WorkspaceTools(LlmTestKit.Context(root.Path, []));
        Assert.Equal(["list_files", "read_file", "read_upstream", "search_text"], tools.Functions.Select(f => f.Name).Order().ToList());
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("docs/../../outside.txt")]
    [InlineData("/etc/passwd")]
    public async Task Read_outside_the_root_is_refused(string path)
    {
        using var root = new TempTree();
        root.Write("docs/a.md", "a\n");
        var text = await Call(root, "read_file", new() { ["path"] = path });
        Assert.StartsWith("error:", text);
        Assert.Contains("outside the audited root", text);
    }

    [Fact]
    public async Task Symlinks_to_files_or_folders_outside_are_not_followed()
    {
        using var root = new TempTree();
        using var outside = new TempTree();
        outside.Write("secret.txt", "top secret\n");
        File.CreateSymbolicLink(Path.Combine(root.Path, "link.txt"), Path.Combine(outside.Path, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(root.Path, "linkdir"), outside.Path);

        var viaFile = await Call(root, "read_file", new() { ["path"] = "link.txt" });
        var viaDir = await Call(root, "read_file", new() { ["path"] = "linkdir/secret.txt" });
        var listed = await Call(root, "list_files", new() { ["glob"] = "**/*" });
        var searched = await Call(root, "search_text", new() { ["query"] = "top secret" });

        Assert.Contains("symbolic link", viaFile);
        Assert.Contains("symbolic link", viaDir);
        Assert.DoesNotContain("top secret", viaFile + viaDir);
        Assert.StartsWith("no matches", searched);
        Assert.DoesNotContain("secret.txt", listed);
    }

    [Fact]
    public async Task Large_files_are_read_in_chunks_of_at_most_500_lines()
    {
        using var root = new TempTree();
        root.Write("big.txt", string.Concat(Enumerable.Range(1, 1200).Select(i => $"line {i}\n")));

        var first = await Call(root, "read_file", new() { ["path"] = "big.txt", ["start_line"] = 1, ["line_count"] = 5000 });
        var next = await Call(root, "read_file", new() { ["path"] = "big.txt", ["start_line"] = 1001, ["line_count"] = 500 });
        var past = await Call(root, "read_file", new() { ["path"] = "big.txt", ["start_line"] = 5000 });

        Assert.StartsWith("big.txt lines 1-500 (more follows: call read_file with start_line=501)", first);
        Assert.Contains("500: line 500\n", first);
        Assert.DoesNotContain("501: line 501", first);
        Assert.StartsWith("big.txt lines 1001-1200 (end of file)", next);
        Assert.Contains("past the end", past);
    }

    [Fact]
    public async Task A_read_stops_at_256_KB_and_says_where_to_continue()
    {
        using var root = new TempTree();
        var longLine = new string('x', 1900);
        root.Write("wide.txt", string.Concat(Enumerable.Range(1, 400).Select(_ => longLine + "\n")));

        var text = await Call(root, "read_file", new() { ["path"] = "wide.txt", ["line_count"] = 400 });

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(text) < WorkspaceTools.MaxBytesPerRead + 4096);
        Assert.Contains("more follows", text);
    }

    [Fact]
    public async Task Search_finds_lines_and_is_bounded()
    {
        using var root = new TempTree();
        root.Write("a.txt", string.Concat(Enumerable.Range(1, 300).Select(i => $"TODO item {i}\n")));
        root.Write("b.md", "nothing\nSee todo here\n");

        var text = await Call(root, "search_text", new() { ["query"] = "todo", ["glob"] = "*.md" });
        var capped = await Call(root, "search_text", new() { ["query"] = "TODO", ["max_results"] = 10 });
        var regex = await Call(root, "search_text", new() { ["query"] = @"item 2\d\d$", ["regex"] = true, ["max_results"] = 200 });

        Assert.Equal("b.md:2: See todo here\n", text);
        Assert.Contains("stopped at 10 matches", capped);
        Assert.Equal(100, regex.Split('\n').Count(l => l.StartsWith("a.txt:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Tool_results_are_scrubbed()
    {
        using var root = new TempTree();
        var secret = TestSecrets.OpenAiKey(5);
        root.Write(".env", $"KEY={secret}\n");

        var read = await Call(root, "read_file", new() { ["path"] = ".env" }, new TestSecretScrubber());
        var search = await Call(root, "search_text", new() { ["query"] = "KEY" }, new TestSecretScrubber());

        Assert.DoesNotContain(secret, read + search);
        Assert.Contains(Redaction.Redact(secret), read);
    }

    [Fact]
    public async Task Upstream_summaries_and_findings_are_readable()
    {
        using var root = new TempTree();
        var prior = new Muster.Agents.PriorOutput("gap-1", "llm", AgentRole.Analysis, AgentState.Succeeded, "42 gaps", [
            new Finding { RuleId = "no-ci", Title = "No CI", Severity = Severity.High, Category = "ci", Message = "no workflow", Location = new SourceLocation("README.md", 3) },
        ], []);
        var tools = new WorkspaceTools(LlmTestKit.Context(root.Path, [], upstream: [prior]));

        var all = await tools.InvokeAsync(new FunctionCallContent("c1", "read_upstream", new Dictionary<string, object?>()), default);
        var one = await tools.InvokeAsync(new FunctionCallContent("c2", "read_upstream", new Dictionary<string, object?> { ["agent_id"] = "gap-1" }), default);
        var missing = await tools.InvokeAsync(new FunctionCallContent("c3", "read_upstream", new Dictionary<string, object?> { ["agent_id"] = "nope" }), default);

        Assert.Contains("agent gap-1 (kind llm, role Analysis, succeeded, 1 findings): 42 gaps", all);
        Assert.Contains("[HIGH] no-ci at README.md:3: No CI. no workflow", one);
        Assert.StartsWith("error:", missing);
    }

    [Fact]
    public void The_llm_agent_source_never_touches_processes()
    {
        var repo = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(repo, "Muster.slnx"))) repo = Path.GetDirectoryName(repo) ?? throw new InvalidOperationException("repository root not found");
        var sources = Directory.GetFiles(Path.Combine(repo, "src", "Muster", "Agents", "Llm"), "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(sources);
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            foreach (var forbidden in new[] { "System.Diagnostics.Process", "ProcessStartInfo", "Process.Start", "Agents.Command.ProcessRunner", "ProcessRunner", "HttpClient" })
            {
                Assert.False(text.Contains(forbidden, StringComparison.Ordinal), $"{Path.GetFileName(file)} uses {forbidden}");
            }
        }
    }
}
