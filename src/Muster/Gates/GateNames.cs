namespace Muster.Gates;

/// <summary>The five gates by id (as plans and report.json name them) and display name (as the gates table shows them).</summary>
public static class GateNames
{
    public const string Security = "security";
    public const string TypeCheck = "type-check";
    public const string Tests = "tests";
    public const string Documentation = "documentation";
    public const string Verification = "verification";

    public static IReadOnlyList<(string Id, string Name)> All { get; } =
    [
        (Security, "Security"),
        (TypeCheck, "Type check"),
        (Tests, "Tests"),
        (Documentation, "Documentation"),
        (Verification, "Verification"),
    ];

    public static IReadOnlyList<string> Ids { get; } = All.Select(g => g.Id).ToList();

    public static string NameOf(string id) => All.First(g => g.Id == id).Name;

    /// <summary>The gate an id or display name means, case-insensitive ("Type check", "type-check", "TYPE_CHECK"); null: none.</summary>
    public static string? Resolve(string text)
    {
        var key = Normalize(text);
        return All.FirstOrDefault(g => Normalize(g.Id) == key || Normalize(g.Name) == key).Id;
    }

    private static string Normalize(string text) =>
        new([.. text.Trim().ToLowerInvariant().Where(char.IsLetterOrDigit)]);
}
