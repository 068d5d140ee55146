namespace Muster.Engine.Plans;

/// <summary>A problem in a plan file, with where it is and what to write instead.</summary>
public sealed record PlanError(string File, int Line, int Column, string Message, string? Fix = null)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}" + (Fix is null ? "" : $" ({Fix})");
}

public sealed class PlanException(IReadOnlyList<PlanError> errors)
    : Exception($"The plan has {errors.Count} error(s):\n" + string.Join('\n', errors))
{
    public IReadOnlyList<PlanError> Errors { get; } = errors;
}
