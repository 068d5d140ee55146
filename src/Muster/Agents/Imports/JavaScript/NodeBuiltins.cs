namespace Muster.Agents.Imports.JavaScript;

/// <summary>Node.js core modules (current LTS lines), including subpath modules; some exist only with the <c>node:</c> scheme.</summary>
internal static class NodeBuiltins
{
    private const string Names = """
        assert assert/strict async_hooks buffer child_process cluster console constants crypto dgram
        diagnostics_channel dns dns/promises domain events fs fs/promises http http2 https inspector inspector/promises
        module net os path path/posix path/win32 perf_hooks process punycode querystring readline readline/promises
        repl stream stream/consumers stream/promises stream/web string_decoder sys timers timers/promises tls
        trace_events tty url util util/types v8 vm wasi worker_threads zlib
        """;

    private static readonly HashSet<string> SchemeOnly = new(StringComparer.Ordinal) { "test", "test/reporters", "sqlite", "sea" };

    private static readonly HashSet<string> Modules =
        new(Names.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    public static bool IsBuiltin(string specifier) =>
        specifier.StartsWith("node:", StringComparison.Ordinal)
            ? Modules.Contains(specifier[5..]) || SchemeOnly.Contains(specifier[5..])
            : Modules.Contains(specifier);
}
