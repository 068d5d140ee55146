namespace Muster.Agents.Secrets.History;

/// <summary>What <see cref="HistoryScope"/> reads.</summary>
public enum HistoryScopeKind
{
    All,
    Since,
    None,
}
