using Muster.Cli;

namespace Muster.Tests;

/// <summary>Runs the <c>muster</c> command line in-process and captures both streams.</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await MusterCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
