using System.Text.Json;
using Muster.Model;

namespace Muster.Agents.Command.Parsers;

/// <summary>ESLint's <c>--format json</c>: an array of files, each with messages (severity 2 = error, 1 = warning).</summary>
internal sealed class EslintParser : IOutputParser
{
    public ParsedOutput Parse(string output, ParserContext context)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(output);
        }
        catch (JsonException e)
        {
            throw new OutputParseException($"output is not ESLint JSON: {e.Message}", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new OutputParseException("output is JSON but not ESLint's: expected an array of files");
            }
            var findings = new List<Finding>();
            int errors = 0, warnings = 0, files = 0;
            foreach (var file in document.RootElement.EnumerateArray())
            {
                files++;
                var path = file.TryGetProperty("filePath", out var fp) ? fp.GetString() : null;
                if (!file.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array) continue;
                foreach (var message in messages.EnumerateArray())
                {
                    var level = message.TryGetProperty("severity", out var sv) && sv.TryGetInt32(out var s) ? s : 1;
                    if (level >= 2) errors++; else warnings++;
                    var rule = message.TryGetProperty("ruleId", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "parse-error";
                    var text = message.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
                    var line = message.TryGetProperty("line", out var l) && l.TryGetInt32(out var li) ? li : 0;
                    var column = message.TryGetProperty("column", out var c) && c.TryGetInt32(out var ci) ? ci : 0;
                    var levelWord = level >= 2 ? "error" : "warning";
                    findings.Add(context.Complete(new Finding
                    {
                        RuleId = "eslint/" + rule,
                        Title = $"ESLint {rule}",
                        Severity = context.MappedSeverity(levelWord) ?? (level >= 2 ? Severity.Medium : Severity.Low),
                        Category = "lint",
                        Message = text,
                        Location = context.Locate(path, line, column),
                        Properties = new Dictionary<string, string> { ["eslint-severity"] = levelWord },
                    }, $"{line}:{column}:{text}"));
                }
            }
            return new ParsedOutput(findings, new Dictionary<string, double>
            {
                ["lint_errors"] = errors,
                ["lint_warnings"] = warnings,
                ["lint_files"] = files,
            }, $"ESLint: {files} files, {errors} errors, {warnings} warnings");
        }
    }
}
