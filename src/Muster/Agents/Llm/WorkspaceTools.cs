using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Muster.Model;
using Muster.Workspace;

namespace Muster.Agents.Llm;

/// <summary>
/// The only things a model may do: list files, read a file by line range, search text, read earlier waves' output.
/// All read-only, all confined to the audited root. There is deliberately no tool that writes, fetches or runs
/// anything. Every result is scrubbed of secrets before it goes back to the model.
/// </summary>
internal sealed class WorkspaceTools
{
    public const int MaxLinesPerRead = 500;
    public const int MaxBytesPerRead = 256 * 1024;
    public const int MaxLineChars = 2000;
    public const int MaxListed = 500;
    public const int MaxSearchResults = 200;
    public const long MaxSearchFileBytes = 4 * 1024 * 1024;

    private readonly ConfinedFiles _files;
    private readonly AgentContext _context;
    private readonly Dictionary<string, AIFunction> _functions;

    public WorkspaceTools(AgentContext context)
    {
        _context = context;
        _files = new ConfinedFiles(context.Root);
        var list = new List<AIFunction>
        {
            AIFunctionFactory.Create(ListFiles, "list_files",
                "List files under the audited root matching a glob (e.g. '**/*.md', 'config/*'). Returns 'path<TAB>bytes' lines."),
            AIFunctionFactory.Create(ReadFile, "read_file",
                $"Read lines of a text file, each prefixed with its line number. At most {MaxLinesPerRead} lines or 256 KB per call; use start_line to continue."),
            AIFunctionFactory.Create(SearchText, "search_text",
                "Search text files for a string (case-insensitive; or a .NET regular expression when regex is true). Returns 'path:line: text'."),
            AIFunctionFactory.Create(ReadUpstream, "read_upstream",
                "Read earlier waves' output. Without agent_id: each agent's summary. With agent_id: that agent's findings."),
        };
        _functions = list.ToDictionary(f => f.Name, StringComparer.Ordinal);
        Functions = list;
    }

    public IReadOnlyList<AIFunction> Functions { get; }

    public int Calls { get; private set; }
    public long BytesRead { get; private set; }

    /// <summary>Runs one call the model asked for. Refusals and bad arguments go back to the model as text, scrubbed.</summary>
    public async Task<string> InvokeAsync(FunctionCallContent call, CancellationToken cancellationToken)
    {
        Calls++;
        string text;
        if (!_functions.TryGetValue(call.Name, out var function))
        {
            text = $"error: there is no tool '{call.Name}'. Available tools: {string.Join(", ", _functions.Keys)}. No other actions exist.";
        }
        else
        {
            try
            {
                var result = await function.InvokeAsync(new AIFunctionArguments(call.Arguments), cancellationToken).ConfigureAwait(false);
                text = result switch
                {
                    string s => s,
                    System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } e => e.GetString() ?? "",
                    null => "",
                    _ => result.ToString() ?? "",
                };
            }
            catch (ToolRefusedException e)
            {
                text = "error: " + e.Message;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or System.Text.Json.JsonException)
            {
                text = $"error: bad arguments for {call.Name}: {e.Message}";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                text = "error: could not read: " + e.Message;
            }
        }
        return _context.Scrubber.Scrub(text);
    }

    private string ListFiles(string glob = "**/*", int max_results = 200, CancellationToken cancellationToken = default)
    {
        var walker = new WorkspaceWalker(_files.Root, new WalkOptions { Include = [ConfinedFiles.CheckGlob(glob)] });
        var limit = Math.Clamp(max_results, 1, MaxListed);
        var shown = new StringBuilder();
        var count = 0;
        foreach (var file in walker.EnumerateFiles(cancellationToken))
        {
            count++;
            if (count <= limit) shown.Append(file.RelativePath).Append('\t').Append(file.Length.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        if (count == 0) return $"no files match '{glob}'";
        if (count > limit) shown.Append($"... {count - limit} more files match; narrow the glob\n");
        return shown.ToString();
    }

    private string ReadFile(string path, int start_line = 1, int line_count = 200)
    {
        var (full, relative) = _files.ResolveFile(path);
        if (ConfinedFiles.LooksBinary(full)) return $"'{relative}' is a binary file; not shown";
        var first = Math.Max(1, start_line);
        var wanted = Math.Clamp(line_count, 1, MaxLinesPerRead);
        var output = new StringBuilder();
        var lineNumber = 0;
        var bytes = 0;
        var last = first - 1;
        var more = false;
        foreach (var line in File.ReadLines(full))
        {
            lineNumber++;
            if (lineNumber < first) continue;
            if (lineNumber >= first + wanted || bytes >= MaxBytesPerRead) { more = true; break; }
            var shown = line.Length > MaxLineChars ? line[..MaxLineChars] + " …(line truncated)" : line;
            output.Append(lineNumber.ToString(CultureInfo.InvariantCulture)).Append(": ").Append(shown).Append('\n');
            bytes += Encoding.UTF8.GetByteCount(shown) + 1;
            last = lineNumber;
        }
        BytesRead += bytes;
        if (lineNumber < first) return $"'{relative}' has {lineNumber} lines; start_line {first} is past the end";
        var header = $"{relative} lines {first}-{last}" + (more ? $" (more follows: call read_file with start_line={last + 1})" : " (end of file)");
        return header + "\n" + output;
    }

    private string SearchText(string query, string glob = "**/*", bool regex = false, int max_results = 50, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(query)) throw new ToolRefusedException("query must not be empty");
        Regex? pattern = null;
        if (regex)
        {
            try
            {
                pattern = new Regex(query, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
            }
            catch (ArgumentException e)
            {
                throw new ToolRefusedException($"not a valid regular expression: {e.Message}");
            }
        }
        var limit = Math.Clamp(max_results, 1, MaxSearchResults);
        var walker = new WorkspaceWalker(_files.Root, new WalkOptions { Include = [ConfinedFiles.CheckGlob(glob)] });
        var hits = new StringBuilder();
        var count = 0;
        var skipped = 0;
        foreach (var file in walker.EnumerateFiles(cancellationToken))
        {
            if (file.Length > MaxSearchFileBytes || ConfinedFiles.LooksBinary(file.FullPath)) { skipped++; continue; }
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file.FullPath))
            {
                lineNumber++;
                bool match;
                try
                {
                    match = pattern?.IsMatch(line) ?? line.Contains(query, StringComparison.OrdinalIgnoreCase);
                }
                catch (RegexMatchTimeoutException)
                {
                    throw new ToolRefusedException("the regular expression is too slow; simplify it");
                }
                if (!match) continue;
                count++;
                var text = line.Trim();
                if (text.Length > 300) text = text[..300] + "…";
                hits.Append(file.RelativePath).Append(':').Append(lineNumber.ToString(CultureInfo.InvariantCulture)).Append(": ").Append(text).Append('\n');
                if (count >= limit)
                {
                    return hits + $"... stopped at {limit} matches; narrow the query or glob\n";
                }
            }
        }
        if (count == 0) hits.Append($"no matches for '{query}'\n");
        if (skipped > 0) hits.Append($"({skipped} binary or larger-than-4-MB files not searched)\n");
        return hits.ToString();
    }

    private string ReadUpstream(string? agent_id = null)
    {
        var upstream = _context.Upstream;
        if (upstream.Count == 0) return "no earlier waves: this agent is in the first wave";
        if (string.IsNullOrWhiteSpace(agent_id))
        {
            return string.Join("\n\n", upstream.Select(p =>
                $"agent {p.AgentId} (kind {p.Kind}, role {p.Role}, {p.State.ToLabel()}, {p.Findings.Count} findings): {p.Summary}"));
        }
        var prior = upstream.FirstOrDefault(p => p.AgentId == agent_id)
            ?? throw new ToolRefusedException($"no earlier agent '{agent_id}'; known: {string.Join(", ", upstream.Select(p => p.AgentId))}");
        if (prior.Findings.Count == 0) return $"agent {prior.AgentId} reported no findings. Summary: {prior.Summary}";
        var lines = prior.Findings.Take(100).Select(f =>
            $"- [{f.Severity.ToLabel()}] {f.RuleId} at {f.Location?.ToString() ?? "(no location)"}: {f.Title}. {f.Message}");
        var more = prior.Findings.Count > 100 ? $"\n... {prior.Findings.Count - 100} more findings not shown" : "";
        return $"agent {prior.AgentId}: {prior.Summary}\n" + string.Join("\n", lines) + more;
    }
}
