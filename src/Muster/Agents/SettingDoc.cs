namespace Muster.Agents;

/// <summary>
/// One key of an agent's <c>with:</c> block as its docs table shows it: the key, its type, the default and what it
/// does. Kept next to the agent's typed settings record; the tests read each one back through that record's
/// <c>From</c>, so a table cannot list a key the agent ignores, miss one it reads, or give a default it does not use.
/// </summary>
/// <param name="Default">
/// The value an absent key stands for, written as in a plan (<c>15s</c>, <c>[0]</c>); null when absence means
/// something no value says (<see cref="Unset"/>) or the key is <see cref="Required"/>.
/// </param>
public sealed record SettingDoc(string Key, SettingType Type, string? Default, string Description)
{
    /// <summary>What an absent key means when <see cref="Default"/> is null ("one per processor"); null: not set.</summary>
    public string? Unset { get; init; }

    /// <summary>The plan must set it (or the key it is <see cref="InsteadOf"/>).</summary>
    public bool Required { get; init; }

    /// <summary>A key this one replaces: a plan sets one of the two, not both.</summary>
    public string? InsteadOf { get; init; }

    /// <summary>A key this one takes effect with: setting it alone is a plan error.</summary>
    public string? Needs { get; init; }

    /// <summary>A value the agent accepts, in plan syntax, when the type's sample is not one (a rule id, an endpoint).</summary>
    public string? Sample { get; init; }

    /// <summary>The default as the docs table shows it.</summary>
    public string DefaultText => Default is not null ? $"`{Default}`" : Required ? "required" : Unset ?? "not set";
}
