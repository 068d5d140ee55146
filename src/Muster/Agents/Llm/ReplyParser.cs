using System.Text.Json;
using System.Text.RegularExpressions;
using Muster.Model;

namespace Muster.Agents.Llm;

/// <summary>
/// Reads the model's final reply: one JSON object <c>{"summary": string, "findings": [...]}</c> (a single fenced
/// code block around it is tolerated). Every problem is listed so one corrective message can name them all.
/// </summary>
internal static partial class ReplyParser
{
    public const int MaxFindings = 200;

    [GeneratedRegex(@"^```[a-zA-Z]*\s*\n(?<body>[\s\S]*?)\n?```$")]
    private static partial Regex Fenced();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:/\-]{0,99}$")]
    private static partial Regex RuleIdShape();

    public static bool TryParse(string? text, out ModelReply reply, out IReadOnlyList<string> errors)
    {
        reply = new ModelReply("", []);
        var problems = new List<string>();
        errors = problems;
        var body = (text ?? "").Trim();
        if (Fenced().Match(body) is { Success: true } fenced) body = fenced.Groups["body"].Value.Trim();
        if (body.Length == 0)
        {
            problems.Add("the reply is empty; reply with the JSON object");
            return false;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            problems.Add($"the reply is not valid JSON ({e.Message}); reply with only the JSON object, no prose");
            return false;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add("the reply must be a JSON object with 'summary' and 'findings'");
                return false;
            }
            var summary = root.TryGetProperty("summary", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : null;
            if (summary is null) problems.Add("'summary' must be a string");
            if (!root.TryGetProperty("findings", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                problems.Add("'findings' must be an array (use [] when there are none)");
                return false;
            }
            if (list.GetArrayLength() > MaxFindings) problems.Add($"at most {MaxFindings} findings");
            var findings = new List<ClaimedFinding>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var at = $"findings[{index++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{at} must be an object");
                    continue;
                }
                var before = problems.Count;
                var ruleId = Text(item, "rule_id", at, problems, 100);
                if (ruleId is not null && !RuleIdShape().IsMatch(ruleId)) problems.Add($"{at}.rule_id must be a short id of letters, digits and -._:/");
                var title = Text(item, "title", at, problems, 200);
                var severityText = Text(item, "severity", at, problems, 10);
                var severity = Severity.Info;
                if (severityText is not null && !SeverityText.TryParse(severityText, out severity))
                {
                    problems.Add($"{at}.severity must be one of CRITICAL, HIGH, MEDIUM, LOW, INFO");
                }
                var category = Text(item, "category", at, problems, 60);
                var message = Text(item, "message", at, problems, 4000);
                var path = Text(item, "path", at, problems, 1000);
                var quote = Text(item, "quote", at, problems, 2000);
                var line = item.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number && l.TryGetInt32(out var n) && n >= 1 ? n : 0;
                if (line == 0) problems.Add($"{at}.line must be a whole number, 1 or more");
                string? remediation = null;
                if (item.TryGetProperty("remediation", out var r) && r.ValueKind != JsonValueKind.Null)
                {
                    remediation = r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                    if (remediation is null) problems.Add($"{at}.remediation must be a string");
                }
                if (problems.Count == before)
                {
                    findings.Add(new ClaimedFinding(ruleId!, title!, severity, category!, message!, path!, line, quote!, remediation));
                }
            }
            if (problems.Count > 0) return false;
            reply = new ModelReply(summary!, findings);
            return true;
        }
    }

    private static string? Text(JsonElement item, string name, string at, List<string> problems, int maxLength)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add($"{at}.{name} is required and must be a non-empty string");
            return null;
        }
        var text = value.GetString()!;
        if (text.Length > maxLength)
        {
            problems.Add($"{at}.{name} must be at most {maxLength} characters");
            return null;
        }
        return text;
    }
}
