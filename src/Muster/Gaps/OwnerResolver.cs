using Muster.Engine.Plans;

namespace Muster.Gaps;

/// <summary>
/// Who fixes a gap: the CODEOWNERS file for its first location, else the plan's <c>owners:</c> map (path globs, then
/// categories; later entries win), else the category's default team.
/// </summary>
internal sealed class OwnerResolver(CodeOwners? codeOwners, IReadOnlyList<OwnerRule> planOwners)
{
    public static OwnerResolver Defaults { get; } = new(null, []);

    /// <summary>Reads CODEOWNERS from the audited root (when there is one) and takes the plan's map.</summary>
    public static OwnerResolver For(string root, IReadOnlyList<OwnerRule> planOwners) =>
        new(Directory.Exists(root) ? CodeOwners.Load(root) : null, planOwners);

    private readonly List<(PathPattern Pattern, string Owner)> _pathRules = planOwners
        .Where(r => r.IsPathPattern)
        .Select(r => (PathPattern.Parse(r.Key), r.Owner))
        .ToList();

    public (string Owner, string Source) Resolve(string category, string? path)
    {
        if (path is { Length: > 0 })
        {
            if (codeOwners?.OwnerOf(path) is { } owner) return (owner, codeOwners.File);
            for (var i = _pathRules.Count - 1; i >= 0; i--)
            {
                if (_pathRules[i].Pattern.Matches(path)) return (_pathRules[i].Owner, "plan owners: " + _pathRules[i].Pattern.Text);
            }
        }
        var byCategory = planOwners.LastOrDefault(r => !r.IsPathPattern && string.Equals(r.Key, category, StringComparison.OrdinalIgnoreCase));
        if (byCategory is not null) return (byCategory.Owner, "plan owners: " + byCategory.Key);
        return (DefaultTeam(category), "default for category");
    }

    public static string DefaultTeam(string category) => category.ToLowerInvariant() switch
    {
        "security" => "Security",
        "infrastructure" or "configuration" => "DevOps",
        "dependencies" or "imports" => "Backend",
        "tests" => "QA",
        _ => "Engineering",
    };
}
