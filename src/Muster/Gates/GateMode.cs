namespace Muster.Gates;

/// <summary>What a gate's verdict does to the run: fail it, only warn, or the gate is not evaluated at all.</summary>
public enum GateMode
{
    /// <summary>A failed or not-evaluated gate fails the run (the built-in default).</summary>
    Fail,

    /// <summary>Evaluated and shown (WARN when it did not pass), but never fails the run.</summary>
    Warn,

    /// <summary>Not evaluated; shown as off.</summary>
    Off,
}

/// <summary>Who chose a gate's mode, in increasing precedence: built-in default, plan, muster.yaml, command line (or MCP request).</summary>
public enum GateModeOrigin
{
    BuiltIn,
    Plan,

    /// <summary>The repository's muster.yaml <c>gates:</c>: over the plan's, under the command line's.</summary>
    RepoConfig,
    CommandLine,

    /// <summary>The MCP audit/run_plan request's <c>gates</c> argument, the MCP counterpart of --gate.</summary>
    Request,
}

public static class GateModeText
{
    public const string Choices = "fail, warn or off";

    public static string ToKey(this GateMode mode) => mode switch
    {
        GateMode.Fail => "fail",
        GateMode.Warn => "warn",
        _ => "off",
    };

    /// <summary><c>fail</c> (or <c>on</c>), <c>warn</c>, <c>off</c>, case-insensitive.</summary>
    public static bool TryParse(string? text, out GateMode mode)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "fail" or "on":
                mode = GateMode.Fail;
                return true;
            case "warn":
                mode = GateMode.Warn;
                return true;
            case "off":
                mode = GateMode.Off;
                return true;
            default:
                mode = GateMode.Fail;
                return false;
        }
    }

    /// <summary>Where the mode was set, as the reports word it ("turned off {where}").</summary>
    public static string Where(this GateModeOrigin origin, string gateId) => origin switch
    {
        GateModeOrigin.CommandLine => $"on the command line (--gate {gateId}=off)",
        GateModeOrigin.Request => $"by the MCP request (gates: {gateId}=off)",
        GateModeOrigin.Plan => "in the plan's gates:",
        GateModeOrigin.RepoConfig => "in muster.yaml's gates:",
        _ => "by default",
    };
}
