using System.Collections.Concurrent;
using Muster.Workspace.Processes;

namespace Muster.Tests;

/// <summary>An <see cref="IProcessStarter"/> that starts nothing: it records each spec and answers with a canned process.</summary>
internal sealed class RecordingProcessStarter(Func<ProcessSpec, CannedProcess> answer) : IProcessStarter
{
    private readonly ConcurrentQueue<(ProcessSpec Spec, CannedProcess Process)> _started = new();

    public IReadOnlyList<ProcessSpec> Specs => _started.Select(s => s.Spec).ToList();

    public IReadOnlyList<CannedProcess> Processes => _started.Select(s => s.Process).ToList();

    public IStartedProcess Start(ProcessSpec spec)
    {
        var process = answer(spec);
        _started.Enqueue((spec, process));
        return process;
    }
}
