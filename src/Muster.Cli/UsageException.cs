namespace Muster.Cli;

/// <summary>Bad input from the user (a missing path, a bad plan): printed without a stack trace, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
