namespace Muster.Agents.Imports.Python;

/// <summary>What resolving one import concluded, before the file's context (guards, examples, fixtures) weighs in.</summary>
internal sealed record PythonOutcome(PythonOutcomeKind Kind, string Missing, string? Distribution = null, string? Detail = null)
{
    public static readonly PythonOutcome Resolved = new(PythonOutcomeKind.Resolved, "");

    /// <summary>A module that the interpreter cannot find at all (not a dependency that some install might provide).</summary>
    public bool IsLocalFailure { get; init; }
}
