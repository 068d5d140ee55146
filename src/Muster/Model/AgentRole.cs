namespace Muster.Model;

/// <summary>The seed's role split: research (external data), scanner (workspace), analysis, verification.</summary>
public enum AgentRole
{
    Research,
    Scanner,
    Analysis,
    Verification,
}
