using Muster.Model;

namespace Muster.Agents.Imports.Python;

/// <summary>
/// Turns an unresolved import into its finding. The level follows what is known: HIGH only when the import will fail
/// at runtime; LOW when it resolves but the project does not declare it; MEDIUM for an example's missing dependency
/// (LOW when the example says to install it); INFO when guarded, in a fixture, created by the test itself, or not
/// settled either way.
/// </summary>
internal static class PythonFindings
{
    public static Finding? Build(PythonFindingDraft draft)
    {
        var (file, import, outcome, guard) = draft;
        var failure = $"ModuleNotFoundError: No module named '{outcome.Missing}'";
        var location = new SourceLocation(file.Path, import.Line, import.Column);
        var properties = new Dictionary<string, string> { ["module"] = import.Display, ["outcome"] = OutcomeName(outcome.Kind) };
        if (outcome.Distribution is not null) properties["distribution"] = outcome.Distribution;

        if (guard is not null && outcome.Kind != PythonOutcomeKind.Provided)
        {
            if (outcome.Kind == PythonOutcomeKind.InstalledOnly) return null;
            properties["guard"] = guard;
            return ImportFindings.Create(ImportFindings.PythonGuarded, Severity.Info,
                $"Optional import '{import.Display}' is not available",
                $"'{import.Display}' does not resolve, but the import is guarded ({guard}), so the fallback runs instead of a crash.",
                location, import.Display, null, properties);
        }
        if (outcome.Kind is PythonOutcomeKind.Fails or PythonOutcomeKind.Undeclared or PythonOutcomeKind.UndeclaredUnverified or PythonOutcomeKind.Unverified)
        {
            if (file.Context.IsFixture) return Unverified(import, location, properties, "fixture",
                $"'{import.Display}' does not resolve, but {file.Path} is a test fixture (by its folder or name), which is often broken on purpose: not verified.");
            if (file.Context.IsTest && CreatedByTheTest(file.Facts, import.Module)) return Unverified(import, location, properties, "generated",
                $"'{import.Display}' does not exist in the tree, but this test names it in a string literal: it writes the module (or a folder for it) at test time before importing it. Not verified.");
        }
        if (file.Context.IsExample && !outcome.IsLocalFailure && outcome.Kind is PythonOutcomeKind.Fails or PythonOutcomeKind.Undeclared or PythonOutcomeKind.UndeclaredUnverified)
        {
            var package = outcome.Distribution ?? outcome.Missing;
            var documented = InstallHint.Mentions(file.Source, [package, outcome.Missing]);
            properties["context"] = "example";
            return ImportFindings.Create(ImportFindings.PythonExampleNeeds, documented ? Severity.Low : Severity.Medium,
                $"Example needs '{package}' installed",
                documented
                    ? $"'{import.Display}' is not declared for {file.Path}, an example or documentation file, which itself says to install '{package}' first."
                    : $"'{import.Display}' comes from '{package}', which nothing declared for this example or documentation file provides: running it fails with {failure} until '{package}' is installed.",
                location, import.Display, $"Declare '{package}' in the example's requirements, or say in the example how to install it.", properties);
        }

        switch (outcome.Kind)
        {
            case PythonOutcomeKind.Provided:
                return ImportFindings.Create(ImportFindings.PythonProvided, Severity.Low,
                    $"Import '{import.Module}' is not declared, but provided",
                    $"'{import.Module}' resolves: {outcome.Detail}. This project does not declare it itself, so a standalone install of it would fail with {failure}.",
                    location, import.Module, outcome.Distribution is { } d ? $"Declare '{d}' in this project's dependencies." : "Declare the providing package in this project's dependencies.", properties);
            case PythonOutcomeKind.InstalledOnly:
                return ImportFindings.Create(ImportFindings.PythonInstalledOnly, Severity.Medium,
                    $"'{import.Module}' works only because the local virtualenv has it",
                    $"'{import.Module}' is installed in {outcome.Detail} (distribution '{outcome.Distribution}') but no manifest of this project declares it; a fresh install will fail with {failure}.",
                    location, import.Module, $"Declare '{outcome.Distribution}' in the project's requirements.", properties);
            case PythonOutcomeKind.Unverified:
                return Unverified(import, location, properties, "unsettled", $"'{import.Display}' could not be verified: {outcome.Detail}.");
            case PythonOutcomeKind.Undeclared:
                return ImportFindings.Create(ImportFindings.PythonUndeclared, Severity.High,
                    $"Undeclared third-party import '{import.Module}'",
                    $"'{import.Module}' comes from the distribution '{outcome.Distribution}', which no manifest of this project declares and nothing else of the tree provides{(outcome.Detail is { } lockNote ? " (" + lockNote + ")" : "")}: it will fail at runtime with {failure}.",
                    location, import.Module, $"Add '{outcome.Distribution}' to the project's requirements (or pyproject dependencies).", properties);
            case PythonOutcomeKind.UndeclaredUnverified:
                return ImportFindings.Create(ImportFindings.PythonUndeclared, Severity.Medium,
                    $"Undeclared third-party import '{import.Module}'",
                    $"'{import.Module}' comes from the distribution '{outcome.Distribution}', which could not be checked against the declarations ({outcome.Detail}); unless installed by hand it will fail at runtime with {failure}.",
                    location, import.Module, $"Add '{outcome.Distribution}' to the project's requirements (or pyproject dependencies).", properties);
            default:
                return ImportFindings.Create(ImportFindings.PythonUnresolved, Severity.High,
                    $"Import '{import.Display}' resolves nowhere",
                    $"'{import.Display}' is not a local module, not in the standard library and not provided by any declared dependency: it will fail at runtime with {failure}.",
                    location, import.Display, "Create the module (or fix the import path), or declare the distribution that provides it.", properties);
        }
    }

    private static Finding Unverified(PythonImport import, SourceLocation location, Dictionary<string, string> properties, string reason, string message)
    {
        properties["reason"] = reason;
        return ImportFindings.Create(ImportFindings.PythonUnverified, Severity.Info, $"Import '{import.Display}' could not be verified",
            message, location, import.Display, null, properties);
    }

    /// <summary>The test writes "name.py", a "name" folder or "name/__init__.py" (or names the dotted module) as a literal.</summary>
    private static bool CreatedByTheTest(PythonFileFacts facts, string module)
    {
        var top = module.Split('.')[0];
        return top.Length > 0 && (facts.StringLiterals.Contains(top) || facts.StringLiterals.Contains(top + ".py") ||
                                  facts.StringLiterals.Contains(module) || facts.StringLiterals.Contains(top + "/__init__.py"));
    }

    private static string OutcomeName(PythonOutcomeKind kind) => kind switch
    {
        PythonOutcomeKind.Fails => "fails",
        PythonOutcomeKind.Undeclared => "undeclared",
        PythonOutcomeKind.UndeclaredUnverified => "undeclared-unverified",
        PythonOutcomeKind.Provided => "provided",
        PythonOutcomeKind.InstalledOnly => "installed-only",
        PythonOutcomeKind.Unverified => "unverified",
        _ => "resolved",
    };
}
