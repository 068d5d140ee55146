namespace Muster.Agents.Imports.Python;

/// <summary>An import that did not resolve, kept until every file is read (a probe in another file may guard it).</summary>
internal sealed record PythonFindingDraft(PythonFileScope File, PythonImport Import, PythonOutcome Outcome, string? Guard);
