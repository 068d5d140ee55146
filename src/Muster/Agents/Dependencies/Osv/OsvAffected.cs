namespace Muster.Agents.Dependencies.Osv;

/// <summary>One <c>affected[]</c> entry: a package, its ranges and explicit version list.</summary>
internal sealed record OsvAffected(string Ecosystem, string Name, IReadOnlyList<OsvRange> Ranges, IReadOnlyList<string> Versions)
{
    public IReadOnlyList<string> SeverityVectors { get; init; } = [];
}
