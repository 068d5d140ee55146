namespace Muster.Agents.InfraState;

/// <summary>Rule ids of the infra-state agent.</summary>
internal static class InfraRules
{
    public const string Category = "infrastructure";
    public const string Missing = "MUSTER-INFRA-MISSING";
    public const string Exited = "MUSTER-INFRA-EXITED";
    public const string Restarting = "MUSTER-INFRA-RESTARTING";
    public const string Unhealthy = "MUSTER-INFRA-UNHEALTHY";
    public const string PartiallyRunning = "MUSTER-INFRA-PARTIAL";
    public const string Undeclared = "MUSTER-INFRA-UNDECLARED";
    public const string ProbeFailed = "MUSTER-INFRA-PROBE-FAILED";
    public const string TlsExpiring = "MUSTER-INFRA-TLS-EXPIRING";
    public const string ClaimDrift = "MUSTER-INFRA-CLAIM-DRIFT";
    public const string ClaimVerified = "MUSTER-INFRA-CLAIM-VERIFIED";
    public const string Unverified = "MUSTER-INFRA-UNVERIFIED";
    public const string EngineUnreachable = "MUSTER-INFRA-ENGINE-UNREACHABLE";
    public const string UndocumentedService = "MUSTER-INFRA-UNDOCUMENTED-SERVICE";
    public const string ComposeInvalid = "MUSTER-COMPOSE-INVALID";
    public const string ComposeYaml11Port = "MUSTER-COMPOSE-YAML11-PORT";
    public const string ComposeUnsetVariable = "MUSTER-COMPOSE-UNSET-VARIABLE";
    public const string ProxyTargetDown = "MUSTER-INFRA-PROXY-TARGET-DOWN";
    public const string ProxyTargetInactive = "MUSTER-INFRA-PROXY-TARGET-INACTIVE";
    public const string ManifestInvalid = "MUSTER-INFRA-MANIFEST-INVALID";
}
