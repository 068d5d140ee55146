using System.Globalization;
using System.Text.RegularExpressions;

namespace Muster.Formats.Markdown;

/// <summary>
/// Finds what a Markdown status document claims is configured, deployed or running: count claims ("20/20 containers
/// running", "18-service Docker stack", "10 configured, 5 active"), rows of status tables (Configured / Deployed /
/// Running / Status columns), status markers ("✅ running", "AWS: Integrated") and ticked checklist items that say
/// something runs. Fenced code blocks are skipped. Every claim keeps its file and 1-based line.
/// </summary>
public static partial class StatusDocumentParser
{
    private const string StateWords = "running|up|healthy|active|online|live|deployed|operational";

    [GeneratedRegex(@"(?<!\d)(\d{1,5})\s*/\s*(\d{1,5})(?!\d)\s*(?:\(\s*\d+\s*%\s*\)\s*)?(containers?|services?|pods?|servers?|instances?)?\s*(" + StateWords + ")?", RegexOptions.IgnoreCase)]
    private static partial Regex Ratio();

    [GeneratedRegex(@"(?<![\d/])(\d{1,5})[- ](?:service|container)s?\b(?!\s*/)(?!\s+(?:" + StateWords + @")\b)\s*(docker\s+stack|stack|docker)?", RegexOptions.IgnoreCase)]
    private static partial Regex ServiceCount();

    [GeneratedRegex(@"(?<![\d/])(\d{1,5})\s+(?:containers?\s+|services?\s+)?(" + StateWords + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex RunningCount();

    [GeneratedRegex(@"(?<![\d/])(\d{1,5})\s+(?:configured|declared|defined|planned)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConfiguredCount();

    [GeneratedRegex(@"(?:✅|✔️?|☑️?|🟢)\s*\**\s*(running|deployed|integrated|active|live|healthy|operational|up|online)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CheckMarker();

    [GeneratedRegex(@"(?:✅|✔️?|☑️?|🟢)\s*(?<subject>[^\s✅].{0,60}?)\s+(?<status>" + StateWords + @"|integrated)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CheckThenSubject();

    [GeneratedRegex(@"^(?<subject>[^:]{2,80}?)\s*:\s*[""“]?(?<status>integrated|deployed|running|operational|live|healthy|active|online)[""”]?\s*(?:[.,;(]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ColonStatus();

    [GeneratedRegex(@"^[""“]?(?:✅\s*)?(integrated|deployed|running|operational|live|healthy|active|online|complete|completed|done)[""”]?$", RegexOptions.IgnoreCase)]
    private static partial Regex StatusCell();

    [GeneratedRegex(@"^\s*[-*+]\s*\[[xX]\]\s*(.+)$")]
    private static partial Regex TickedItem();

    [GeneratedRegex(@"\b(" + StateWords + @"|integrated|started)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StateWord();

    [GeneratedRegex(@"^\s*(\d{1,5})(?!\s*/)")]
    private static partial Regex LeadingNumber();

    public static IReadOnlyList<StatusClaim> Parse(string text, string file)
    {
        var claims = new List<StatusClaim>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var inFence = false;
        TableColumns? table = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            var trimmed = raw.Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }
            if (inFence) continue;
            if (trimmed.StartsWith('|'))
            {
                var cells = Cells(trimmed);
                if (i + 1 < lines.Length && IsSeparator(lines[i + 1].Trim()))
                {
                    table = TableColumns.FromHeader(cells);
                    i++; // the separator row
                    continue;
                }
                if (table is { IsStatusTable: true } t && t.Row(cells, file, i + 1, trimmed) is { } row)
                {
                    claims.Add(row);
                    continue;
                }
                claims.AddRange(Inline(Clean(string.Join(": ", cells)), cells.Count > 0 ? Clean(cells[0]) : null, file, i + 1, trimmed));
                continue;
            }
            table = null;
            if (TickedItem().Match(raw) is { Success: true } ticked)
            {
                var item = Clean(ticked.Groups[1].Value);
                if (StateWord().Match(item) is { Success: true } word)
                {
                    claims.Add(new StatusClaim
                    {
                        File = file,
                        Line = i + 1,
                        Kind = ClaimKind.Checklist,
                        Subject = item,
                        Text = trimmed,
                        Status = Normalize(word.Value),
                    });
                }
                continue;
            }
            claims.AddRange(Inline(Clean(trimmed), null, file, i + 1, trimmed));
        }
        return claims;
    }

    private static IEnumerable<StatusClaim> Inline(string line, string? cellSubject, string file, int lineNumber, string original)
    {
        var prefix = cellSubject ?? (line.IndexOf(':', StringComparison.Ordinal) is var colon and > 1 && colon < 80 ? line[..colon].Trim() : null);
        var ratios = Ratio().Matches(line).Where(m => m.Groups[3].Success || m.Groups[4].Success).ToList();
        foreach (var m in ratios)
        {
            yield return new StatusClaim
            {
                File = file,
                Line = lineNumber,
                Kind = ClaimKind.RunningRatio,
                Text = original,
                Subject = m.Groups[3].Success ? Plural(m.Groups[3].Value) : prefix ?? "services",
                Running = Int(m.Groups[1].Value),
                Total = Int(m.Groups[2].Value),
                Status = m.Groups[4].Success ? Normalize(m.Groups[4].Value) : "running",
            };
        }
        if (ratios.Count > 0) yield break;

        var withoutMarkers = CheckMarker().Replace(line, "");
        var configured = ConfiguredCount().Match(withoutMarkers);
        var serviceCount = ServiceCount().Match(withoutMarkers);
        var running = RunningCount().Match(withoutMarkers);
        int? configuredValue = configured.Success ? Int(configured.Groups[1].Value) : serviceCount.Success ? Int(serviceCount.Groups[1].Value) : null;
        if (configuredValue is not null || running.Success)
        {
            var subject = prefix
                          ?? (serviceCount.Success && serviceCount.Groups[2].Success ? "Docker stack" : null)
                          ?? (running.Success && Regex.IsMatch(running.Value, "container", RegexOptions.IgnoreCase) ? "containers" : "services");
            yield return new StatusClaim
            {
                File = file,
                Line = lineNumber,
                Text = original,
                Subject = subject,
                Kind = running.Success ? ClaimKind.RunningCount : ClaimKind.ConfiguredCount,
                Configured = configuredValue,
                Running = running.Success ? Int(running.Groups[1].Value) : null,
                Status = running.Success ? Normalize(running.Groups[2].Value) : null,
            };
            yield break;
        }

        if (CheckMarker().Match(line) is { Success: true } marker)
        {
            var before = line[..marker.Index].Trim().TrimEnd(':', '-', '—', '|').Trim();
            var after = line[(marker.Index + marker.Length)..].Trim().TrimStart(':', '-', '—', '|').Trim();
            var subject = cellSubject ?? (before.Length > 0 ? before : after);
            if (subject.Length > 0)
            {
                yield return new StatusClaim
                {
                    File = file,
                    Line = lineNumber,
                    Kind = ClaimKind.StatusMarker,
                    Text = original,
                    Subject = subject,
                    Status = Normalize(marker.Groups[1].Value),
                };
            }
            yield break;
        }
        if (CheckThenSubject().Match(line) is { Success: true } checkFirst)
        {
            yield return new StatusClaim
            {
                File = file,
                Line = lineNumber,
                Kind = ClaimKind.StatusMarker,
                Text = original,
                Subject = cellSubject ?? checkFirst.Groups["subject"].Value.Trim(),
                Status = Normalize(checkFirst.Groups["status"].Value),
            };
            yield break;
        }
        if (ColonStatus().Match(line) is { Success: true } colonStatus)
        {
            yield return new StatusClaim
            {
                File = file,
                Line = lineNumber,
                Kind = ClaimKind.StatusMarker,
                Text = original,
                Subject = colonStatus.Groups["subject"].Value.Trim(),
                Status = Normalize(colonStatus.Groups["status"].Value),
            };
        }
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static string Plural(string noun)
    {
        var lower = noun.ToLowerInvariant();
        return lower.EndsWith('s') ? lower : lower + "s";
    }

    private static string Normalize(string word) => word.ToLowerInvariant() switch
    {
        "up" or "online" or "live" or "healthy" or "operational" or "started" => "running",
        "complete" or "completed" or "done" => "deployed",
        var w => w,
    };

    /// <summary>Drops Markdown emphasis, code ticks, headings and bullets so patterns see plain words.</summary>
    internal static string Clean(string text)
    {
        var s = text.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
        s = s.TrimStart('#', ' ', '-', '*', '+', '>', '\t');
        return s.Trim();
    }

    private static List<string> Cells(string row)
    {
        var inner = row.Trim();
        if (inner.StartsWith('|')) inner = inner[1..];
        if (inner.EndsWith('|')) inner = inner[..^1];
        return inner.Split('|').Select(c => c.Trim()).ToList();
    }

    private static bool IsSeparator(string line) =>
        line.StartsWith('|') && line.Contains('-', StringComparison.Ordinal) && line.All(c => c is '|' or '-' or ':' or ' ');

    private sealed record TableColumns(int Subject, int Configured, int Deployed, int Running, int Status)
    {
        public bool IsStatusTable => Configured >= 0 || Deployed >= 0 || Running >= 0 || Status >= 0;

        public static TableColumns FromHeader(List<string> header)
        {
            int Find(string pattern) => header.FindIndex(h => Regex.IsMatch(Clean(h), pattern, RegexOptions.IgnoreCase));
            var configured = Find(@"^(configured|declared|planned|defined|expected)\b");
            var deployed = Find(@"^(deployed|actual|reality)\b");
            var running = Find(@"^(running|active|up|healthy)\b");
            var status = Find(@"^(status|state)$");
            var subject = Find(@"^(component|service|services|name|container|system|area|dimension)$");
            return new TableColumns(subject >= 0 ? subject : 0, configured, deployed, running, status);
        }

        public StatusClaim? Row(List<string> cells, string file, int line, string original)
        {
            string? Cell(int index) => index >= 0 && index < cells.Count ? Clean(cells[index]) : null;
            var subject = Cell(Subject);
            if (string.IsNullOrWhiteSpace(subject)) return null;
            int? Number(int index) => Cell(index) is { } c && LeadingNumber().Match(c) is { Success: true } m ? Int(m.Groups[1].Value) : null;
            var configured = Number(Configured);
            var deployed = Number(Deployed);
            var running = Number(Running);
            int? total = null;
            string? status = null;
            foreach (var index in new[] { Status, Running, Deployed })
            {
                if (Cell(index) is not { } cell) continue;
                if (Ratio().Match(cell) is { Success: true } ratio && running is null)
                {
                    running = Int(ratio.Groups[1].Value);
                    total = Int(ratio.Groups[2].Value);
                }
                else if (status is null && StatusCell().Match(cell) is { Success: true } s) status = Normalize(s.Groups[1].Value);
                else if (status is null && CheckMarker().Match(cell) is { Success: true } mark) status = Normalize(mark.Groups[1].Value);
            }
            if (configured is null && deployed is null && running is null && status is null) return null;
            return new StatusClaim
            {
                File = file,
                Line = line,
                Kind = ClaimKind.TableRow,
                Subject = subject,
                Text = original,
                Configured = configured,
                Deployed = deployed,
                Running = running,
                Total = total,
                Status = status,
            };
        }
    }
}
