namespace Muster.Cli;

/// <summary>The exit-code contract: scripts and CI read these.</summary>
public static class ExitCodes
{
    public const int Passed = 0;
    public const int GateFailed = 1;
    public const int UsageError = 2;
    public const int InternalError = 3;
}
