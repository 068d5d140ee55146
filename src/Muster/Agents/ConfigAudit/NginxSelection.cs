using Muster.Formats.Nginx;

namespace Muster.Agents.ConfigAudit;

/// <summary>
/// The nginx configurations to audit (each with its includes inline) and the nginx files under a main config's
/// folder that no main config loads (root-relative paths): nginx never reads them, so they are listed, not audited.
/// </summary>
internal sealed record NginxSelection(IReadOnlyList<NginxConfig> Audited, IReadOnlyList<string> Unloaded);
