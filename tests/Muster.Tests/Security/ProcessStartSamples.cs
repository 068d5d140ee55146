using System.Diagnostics;
using ModelContextProtocol.Client;

namespace Muster.Tests.Security;

/// <summary>One of each way to start a process that the architecture test forbids outside the adapter: proof that its scan sees them. Never called.</summary>
internal static class ProcessStartSamples
{
    public static object[] EachKind()
    {
        using var started = Process.Start("true");
        using var process = new Process { StartInfo = new ProcessStartInfo("true") };
        var transport = new StdioClientTransport(new StdioClientTransportOptions { Command = "true" });
        return [started, process, transport];
    }
}
