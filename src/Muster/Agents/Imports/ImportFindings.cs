using Muster.Model;

namespace Muster.Agents.Imports;

/// <summary>Rule identifiers and the one place findings of the imports agent are built.</summary>
internal static class ImportFindings
{
    public const string Category = "imports";
    public const string PythonUnresolved = "MUSTER-PY-IMPORT-UNRESOLVED";
    public const string PythonUndeclared = "MUSTER-PY-IMPORT-UNDECLARED";
    public const string PythonInstalledOnly = "MUSTER-PY-IMPORT-VENV-ONLY";
    public const string PythonGuarded = "MUSTER-PY-IMPORT-OPTIONAL-MISSING";
    public const string PythonUnused = "MUSTER-PY-DEPENDENCY-UNUSED";
    public const string PythonProvided = "MUSTER-PY-IMPORT-UNDECLARED-PROVIDED";
    public const string PythonUnverified = "MUSTER-PY-IMPORT-UNVERIFIED";
    public const string PythonExampleNeeds = "MUSTER-PY-IMPORT-EXAMPLE-NEEDS";
    public const string JsUnresolved = "MUSTER-JS-IMPORT-UNRESOLVED";
    public const string JsUndeclared = "MUSTER-JS-IMPORT-UNDECLARED";
    public const string JsTypeOnly = "MUSTER-JS-IMPORT-TYPE-ONLY-UNDECLARED";
    public const string JsUnverifiedAlias = "MUSTER-JS-IMPORT-ALIAS-UNVERIFIED";
    public const string JsProvided = "MUSTER-JS-IMPORT-UNDECLARED-PROVIDED";
    public const string JsUnverified = "MUSTER-JS-IMPORT-UNVERIFIED";
    public const string JsAfterBuild = "MUSTER-JS-IMPORT-AFTER-BUILD";
    public const string JsExampleNeeds = "MUSTER-JS-IMPORT-EXAMPLE-NEEDS";
    public const string ManifestUnreadable = "MUSTER-IMPORTS-MANIFEST-UNREADABLE";

    public static Finding Create(string rule, Severity severity, string title, string message, SourceLocation location,
        string discriminator, string? remediation, IReadOnlyDictionary<string, string>? properties = null) =>
        new Finding
        {
            RuleId = rule,
            Title = title,
            Severity = severity,
            Category = Category,
            Message = message,
            Location = location,
            Remediation = remediation,
            Properties = properties ?? new Dictionary<string, string>(),
        }.WithDefaultFingerprint(discriminator);
}
