using Muster.Cli;

try
{
    return await MusterCli.RunAsync(args, Console.Out, Console.Error);
}
catch (Exception e)
{
    // Only reached when the command line itself could not be set up; commands report their own errors.
    Console.Error.WriteLine($"internal error (please report): {e.GetType().FullName}: {e.Message.ReplaceLineEndings(" ")}");
    if (Environment.GetEnvironmentVariable("MUSTER_DEBUG") is "1" or "true") Console.Error.WriteLine(e);
    return ExitCodes.InternalError;
}
