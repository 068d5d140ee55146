using System.Text.Json.Nodes;
using Muster.Tests.TestSupport;

namespace Muster.Tests.Reports;

/// <summary>Microsoft's SARIF multitool (npm @microsoft/sarif-multitool 5.7.0) with the SARIF and GitHub ingestion rules.</summary>
internal static class SarifMultitool
{
    public sealed record Verdict(int Errors, int Warnings, int Notes, IReadOnlyList<string> Problems)
    {
        public override string ToString() => $"{Errors} error(s), {Warnings} warning(s), {Notes} note(s)\n" + string.Join('\n', Problems);
    }

    /// <summary>Runs <c>validate --rule-kind "Sarif;Ghas"</c> on a file and counts its results by level.</summary>
    public static async Task<Verdict> ValidateAsync(string sarifFile)
    {
        var output = Path.Combine(Path.GetDirectoryName(sarifFile)!, Path.GetFileNameWithoutExtension(sarifFile) + ".validation.sarif");
        File.Delete(output);
        var (code, text) = await NpmTools.RunAsync(NpmTools.SarifMultitool,
            ["validate", "--rule-kind", "Sarif;Ghas", "--level", "Error;Warning;Note", "--output", output, sarifFile],
            new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" });
        if (!File.Exists(output)) throw new InvalidOperationException($"the multitool wrote no log (exit {code}):\n{text}");
        var results = JsonNode.Parse(File.ReadAllText(output))!["runs"]![0]!["results"]?.AsArray() ?? [];
        int Count(string level) => results.Count(r => (r!["level"]?.GetValue<string>() ?? "warning") == level);
        var problems = results
            .Where(r => (r!["level"]?.GetValue<string>() ?? "warning") is "error" or "warning")
            .Select(r => $"{r!["level"]}: {r["ruleId"]}: {r["message"]?["text"] ?? r["message"]?["id"]}")
            .ToList();
        return new Verdict(Count("error"), Count("warning"), Count("note"), problems);
    }
}
