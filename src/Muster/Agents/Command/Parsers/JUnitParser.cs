using System.Xml;
using System.Xml.Linq;
using Muster.Model;

namespace Muster.Agents.Command.Parsers;

/// <summary>
/// JUnit XML (a testsuites or testsuite root). Counts come from the testcase elements themselves, not from the
/// suite attributes a runner wrote: what is counted is what is there. Each failure or error becomes a finding.
/// </summary>
internal sealed class JUnitParser : IOutputParser
{
    private const int MaxDetailChars = 2000;

    public ParsedOutput Parse(string output, ParserContext context)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(output), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
            });
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw new OutputParseException($"output is not JUnit XML: {e.Message}", e);
        }
        var root = document.Root!;
        if (root.Name.LocalName is not ("testsuites" or "testsuite"))
        {
            throw new OutputParseException($"output is XML but not JUnit: the root element is <{root.Name.LocalName}>");
        }
        int total = 0, failed = 0, errored = 0, skipped = 0;
        var findings = new List<Finding>();
        foreach (var testCase in root.DescendantsAndSelf().Where(e => e.Name.LocalName == "testcase"))
        {
            total++;
            var failure = testCase.Elements().FirstOrDefault(e => e.Name.LocalName is "failure" or "error");
            if (failure is not null)
            {
                var isError = failure.Name.LocalName == "error";
                if (isError) errored++; else failed++;
                findings.Add(ToFinding(testCase, failure, isError, context));
            }
            else if (testCase.Elements().Any(e => e.Name.LocalName == "skipped"))
            {
                skipped++;
            }
        }
        if (total == 0 && root.Name.LocalName == "testsuite" && !root.HasElements && Attr(root, "tests") is { } claimed && claimed != "0")
        {
            throw new OutputParseException($"the suite claims {claimed} tests but lists none");
        }
        var failures = failed + errored;
        return new ParsedOutput(findings, new Dictionary<string, double>
        {
            [GateMetricNames.TestsTotal] = total,
            ["tests_passed"] = total - failures - skipped,
            [GateMetricNames.TestsFailed] = failures,
            [GateMetricNames.TestsErrors] = errored,
            [GateMetricNames.TestsSkipped] = skipped,
        }, $"JUnit: {total} tests, {total - failures - skipped} passed, {failures} failed ({errored} errors), {skipped} skipped");
    }

    private static Finding ToFinding(XElement testCase, XElement failure, bool isError, ParserContext context)
    {
        var name = Attr(testCase, "name") ?? "(unnamed)";
        var className = Attr(testCase, "classname") ?? Attr(testCase.Parent, "name");
        var fullName = className is null ? name : $"{className}.{name}";
        var detail = failure.Value.Trim();
        if (detail.Length > MaxDetailChars) detail = detail[..MaxDetailChars] + "…";
        var message = Attr(failure, "message") ?? detail.Split('\n')[0];
        var line = int.TryParse(Attr(testCase, "line"), out var l) ? l : 0;
        return context.Complete(new Finding
        {
            RuleId = isError ? "JUNIT-ERROR" : "JUNIT-FAILURE",
            Title = $"Test {(isError ? "errored" : "failed")}: {fullName}",
            Severity = context.MappedSeverity(isError ? "error" : "failure") ?? Severity.High,
            Category = "tests",
            Message = string.IsNullOrWhiteSpace(message) ? $"{fullName} {(isError ? "errored" : "failed")}" : message,
            Location = context.Locate(Attr(testCase, "file"), line),
            Evidence = detail.Length > 0 ? detail : null,
            Remediation = "Fix the test or the code under test; a failing test blocks the test gate.",
            Properties = new Dictionary<string, string> { ["test"] = fullName, ["failure-type"] = Attr(failure, "type") ?? "" },
        }, fullName);
    }

    private static string? Attr(XElement? element, string name) => element?.Attribute(name)?.Value;
}
