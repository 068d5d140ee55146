namespace Muster.Agents.InfraState.Probes;

/// <summary>Looks for a running process by name in <c>/proc</c> (its <c>comm</c> or the first word of its command line).</summary>
public static class ProcessProbe
{
    public static ProbeResult Run(string service, string processName, TimeProvider time, string procRoot = "/proc")
    {
        var started = time.GetTimestamp();
        var matches = 0;
        if (!Directory.Exists(procRoot))
        {
            return new ProbeResult
            {
                Service = service,
                Kind = "process",
                Target = processName,
                Passed = false,
                Detail = $"{procRoot} is not available on this system; process presence cannot be checked",
            };
        }
        foreach (var dir in Directory.EnumerateDirectories(procRoot))
        {
            var name = Path.GetFileName(dir);
            if (name.Length == 0 || !name.All(char.IsAsciiDigit)) continue;
            try
            {
                var comm = File.ReadAllText(Path.Combine(dir, "comm")).Trim();
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                var argv0 = cmdline.Split('\0', 2)[0];
                if (comm == processName || Path.GetFileName(argv0) == processName) matches++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // the process ended while we looked, or is not ours to read
            }
        }
        var elapsed = time.GetElapsedTime(started);
        return new ProbeResult
        {
            Service = service,
            Kind = "process",
            Target = processName,
            Passed = matches > 0,
            Elapsed = elapsed,
            Detail = matches > 0 ? $"{matches} process{(matches == 1 ? "" : "es")} named {processName}" : $"no process named {processName}",
        };
    }
}
