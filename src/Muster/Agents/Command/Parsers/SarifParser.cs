using System.Globalization;
using System.Text.Json;
using Muster.Model;

namespace Muster.Agents.Command.Parsers;

/// <summary>
/// SARIF 2.1.0 from any scanner: every result becomes a finding with the tool's rule id and location. Severity comes
/// from <c>security-severity</c> (result, then rule) when present, else from the level. Suppressed results and results
/// a baseline marks absent are counted, not reported.
/// </summary>
internal sealed class SarifParser : IOutputParser
{
    public ParsedOutput Parse(string output, ParserContext context)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(output, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new OutputParseException($"output is not SARIF JSON: {e.Message}", e);
        }
        using (document)
        {
            var rootElement = document.RootElement;
            SarifShape.Validate(rootElement);
            var runs = rootElement.GetProperty("runs");
            var findings = new List<Finding>();
            int results = 0, suppressed = 0, outside = 0;
            var tools = new List<string>();
            foreach (var run in runs.EnumerateArray())
            {
                var driver = run.TryGetProperty("tool", out var tool) && tool.TryGetProperty("driver", out var d) ? d : default;
                var toolName = Str(driver, "name") ?? "sarif";
                tools.Add(toolName);
                var rules = RulesOf(driver);
                var bases = BaseUris(run);
                if (!run.TryGetProperty("results", out var runResults)) continue;
                foreach (var result in runResults.EnumerateArray())
                {
                    results++;
                    if (IsSuppressed(result)) { suppressed++; continue; }
                    var finding = ToFinding(result, toolName, rules, bases, context, out var wasOutside);
                    if (wasOutside) outside++;
                    findings.Add(finding);
                }
            }
            var note = $"SARIF from {string.Join(", ", tools.Distinct())}: {results} results, {findings.Count} reported, {suppressed} suppressed" +
                       (outside > 0 ? $", {outside} located outside the root" : "");
            return new ParsedOutput(findings, new Dictionary<string, double>
            {
                ["sarif_results"] = results,
                ["sarif_suppressed"] = suppressed,
            }, note);
        }
    }

    private static Finding ToFinding(JsonElement result, string toolName, IReadOnlyList<JsonElement> rules,
        IReadOnlyDictionary<string, string> bases, ParserContext context, out bool outside)
    {
        var rule = RuleFor(result, rules);
        var ruleId = Str(result, "ruleId") ?? (result.TryGetProperty("rule", out var r) ? Str(r, "id") : null) ?? Str(rule, "id") ?? "sarif-result";
        var level = Str(result, "level")
            ?? (rule.ValueKind == JsonValueKind.Object && rule.TryGetProperty("defaultConfiguration", out var dc) ? Str(dc, "level") : null)
            ?? "warning";
        var securitySeverity = SecuritySeverity(result) ?? SecuritySeverity(rule);
        var severity = context.MappedSeverity(level)
            ?? (securitySeverity is { } score ? FromScore(score) : FromLevel(level));

        SourceLocation? location = null;
        string? snippet = null;
        string? uri = null;
        outside = false;
        if (result.TryGetProperty("locations", out var locations) && locations.ValueKind == JsonValueKind.Array && locations.GetArrayLength() > 0
            && locations[0].TryGetProperty("physicalLocation", out var physical))
        {
            int line = 0, column = 0;
            if (physical.TryGetProperty("region", out var region))
            {
                line = Int(region, "startLine");
                column = Int(region, "startColumn");
                if (region.TryGetProperty("snippet", out var sn)) snippet = Str(sn, "text");
            }
            if (physical.TryGetProperty("artifactLocation", out var artifact) && Str(artifact, "uri") is { } u)
            {
                uri = u;
                location = context.Locate(LocalPath(u, Str(artifact, "uriBaseId"), bases), line, column);
                outside = location is null;
            }
        }

        var message = MessageText(result, rule) ?? Str(rule, "shortDescription", "text") ?? ruleId;
        if (outside) message += $" (reported at '{uri}', outside the audited root)";
        var properties = new Dictionary<string, string> { ["tool"] = toolName, ["sarif-level"] = level };
        if (securitySeverity is { } ss) properties["security-severity"] = ss.ToString("0.0", CultureInfo.InvariantCulture);
        var discriminator = PartialFingerprint(result) ?? $"{location?.Line}:{message}";
        return context.Complete(new Finding
        {
            RuleId = ruleId,
            Title = Str(rule, "shortDescription", "text") ?? Str(rule, "name") ?? ruleId,
            Severity = severity,
            Category = toolName.ToLowerInvariant(),
            Message = message,
            Location = location,
            Evidence = snippet?.Trim(),
            Remediation = Str(rule, "help", "text") ?? Str(rule, "fullDescription", "text"),
            Properties = properties,
        }, discriminator);
    }

    private static IReadOnlyList<JsonElement> RulesOf(JsonElement driver) =>
        driver.ValueKind == JsonValueKind.Object && driver.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Array
            ? rules.EnumerateArray().ToList()
            : [];

    private static JsonElement RuleFor(JsonElement result, IReadOnlyList<JsonElement> rules)
    {
        var index = result.TryGetProperty("ruleIndex", out var ri) && ri.TryGetInt32(out var i) ? i
            : result.TryGetProperty("rule", out var rr) && rr.TryGetProperty("index", out var rx) && rx.TryGetInt32(out var j) ? j : -1;
        if (index >= 0 && index < rules.Count) return rules[index];
        var id = Str(result, "ruleId");
        return id is null ? default : rules.FirstOrDefault(rule => Str(rule, "id") == id);
    }

    private static Dictionary<string, string> BaseUris(JsonElement run)
    {
        var bases = new Dictionary<string, string>(StringComparer.Ordinal);
        if (run.TryGetProperty("originalUriBaseIds", out var ids) && ids.ValueKind == JsonValueKind.Object)
        {
            foreach (var id in ids.EnumerateObject())
            {
                if (Str(id.Value, "uri") is { } uri) bases[id.Name] = uri;
            }
        }
        return bases;
    }

    /// <summary>A SARIF artifact URI as a local path (absolute, or relative to the tool's working directory).</summary>
    private static string LocalPath(string uri, string? baseId, IReadOnlyDictionary<string, string> bases)
    {
        if (Uri.TryCreate(uri, UriKind.Absolute, out var absolute))
        {
            return absolute.IsFile ? absolute.LocalPath : uri;
        }
        var relative = Uri.UnescapeDataString(uri);
        if (baseId is not null && bases.TryGetValue(baseId, out var baseUri) && Uri.TryCreate(baseUri, UriKind.Absolute, out var b) && b.IsFile)
        {
            return Path.Combine(b.LocalPath, relative);
        }
        return relative;
    }

    private static string? MessageText(JsonElement result, JsonElement rule)
    {
        if (!result.TryGetProperty("message", out var message)) return null;
        var text = Str(message, "text");
        if (text is null && Str(message, "id") is { } id && rule.ValueKind == JsonValueKind.Object
            && rule.TryGetProperty("messageStrings", out var strings) && strings.TryGetProperty(id, out var template))
        {
            text = Str(template, "text");
        }
        if (text is null) return null;
        if (message.TryGetProperty("arguments", out var args) && args.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var arg in args.EnumerateArray())
            {
                text = text.Replace("{" + i.ToString(CultureInfo.InvariantCulture) + "}", arg.ToString(), StringComparison.Ordinal);
                i++;
            }
        }
        return text;
    }

    private static bool IsSuppressed(JsonElement result)
    {
        if (Str(result, "baselineState") == "absent") return true;
        if (!result.TryGetProperty("suppressions", out var suppressions) || suppressions.ValueKind != JsonValueKind.Array) return false;
        // A suppression under review or rejected does not hide the result.
        return suppressions.EnumerateArray().Any(s => Str(s, "status") is null or "accepted");
    }

    private static string? PartialFingerprint(JsonElement result)
    {
        foreach (var name in new[] { "partialFingerprints", "fingerprints" })
        {
            if (result.TryGetProperty(name, out var prints) && prints.ValueKind == JsonValueKind.Object)
            {
                var parts = prints.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}").ToList();
                if (parts.Count > 0) return string.Join(";", parts);
            }
        }
        return null;
    }

    private static double? SecuritySeverity(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("properties", out var props)
            || props.ValueKind != JsonValueKind.Object || !props.TryGetProperty("security-severity", out var value))
        {
            return null;
        }
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) ? score : null;
    }

    // The CVSS bands GitHub code scanning also uses for security-severity.
    private static Severity FromScore(double score) => score switch
    {
        >= 9.0 => Severity.Critical,
        >= 7.0 => Severity.High,
        >= 4.0 => Severity.Medium,
        > 0.0 => Severity.Low,
        _ => Severity.Info,
    };

    private static Severity FromLevel(string level) => level switch
    {
        "error" => Severity.High,
        "warning" => Severity.Medium,
        "note" => Severity.Low,
        _ => Severity.Info,
    };

    private static string? Str(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return null;
        }
        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    private static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.TryGetInt32(out var i) ? i : 0;
}
