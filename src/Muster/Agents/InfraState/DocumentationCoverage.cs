using System.Text.RegularExpressions;
using Muster.Formats.Compose;
using Muster.Model;

namespace Muster.Agents.InfraState;

/// <summary>
/// The seed's documentation gate, for services: every compose service should be named in the status documents, or
/// nobody reading them knows it exists. A name counts when it stands as a whole word (case-insensitive).
/// </summary>
internal static class DocumentationCoverage
{
    public static IReadOnlyList<Finding> UndocumentedServices(IReadOnlyList<ComposeProject> projects, IReadOnlyList<string> documents, int documentCount)
    {
        var findings = new List<Finding>();
        foreach (var service in projects.SelectMany(p => p.Services).DistinctBy(s => s.Name))
        {
            var word = new Regex($@"(?<![\w-]){Regex.Escape(service.Name)}(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (documents.Any(word.IsMatch)) continue;
            findings.Add(ServiceDriftAnalyzer.Make(InfraRules.UndocumentedService, Severity.Low,
                $"Compose service '{service.Name}' is documented nowhere",
                documentCount == 0
                    ? $"Service '{service.Name}' is declared but there is no status document or README to describe it."
                    : $"Service '{service.Name}' is declared but none of the {documentCount} status document(s) names it.",
                "Name the service in the status document or README: what it does, its port, who owns it.",
                new SourceLocation(service.Position.File, service.Position.Line, service.Position.Column),
                new Dictionary<string, string> { ["service"] = service.Name }, service.Name));
        }
        return findings;
    }
}
