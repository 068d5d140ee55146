using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Muster.Tests.TestSupport;

namespace Muster.Tests.Leaks;

/// <summary>Checks every output text for every planted value as it is read, keeping only the hits.</summary>
internal sealed partial class LeakScan
{
    private readonly IReadOnlyList<(string Value, string Where)> _plants;
    // Every LeakCheck.Window-long run of every planted value, to the plant and offset it comes from: one pass per text.
    private readonly Dictionary<string, (int Plant, int Offset)> _runs = new(StringComparer.Ordinal);
    // Values shorter than a run: a leak is the whole value (LeakCheck's definition).
    private readonly List<int> _whole = [];
    private readonly Lock _gate = new();
    private readonly SortedSet<string> _hits = new(StringComparer.Ordinal);
    private readonly HashSet<string> _outputs = new(StringComparer.Ordinal);

    public LeakScan(IReadOnlyList<(string Value, string Where)> plants)
    {
        _plants = plants;
        for (var p = 0; p < plants.Count; p++)
        {
            var value = plants[p].Value;
            if (value.Length < LeakCheck.Window) _whole.Add(p);
            for (var i = 0; i + LeakCheck.Window <= value.Length; i++) _runs.TryAdd(value.Substring(i, LeakCheck.Window), (p, i));
        }
    }

    public IReadOnlyCollection<string> Hits { get { lock (_gate) return [.. _hits]; } }
    public int Outputs { get { lock (_gate) return _outputs.Count; } }

    /// <summary>Snapshots of a journal's write-ahead log read while a run wrote it.</summary>
    public int WalSnapshots { get; private set; }

    public void Check(string output, string text)
    {
        var found = Runs(text).Concat(Runs(Unescaped(text))).Distinct()
            .Select(h => $"{_plants[h.Plant].Where} (value of {_plants[h.Plant].Value.Length} chars, run at {h.Offset}) found in {output}").ToList();
        lock (_gate)
        {
            _outputs.Add(output);
            _hits.UnionWith(found);
        }
    }

    /// <summary>Every file under the folders as raw bytes (Latin-1 keeps each byte one character: SQLite pages are searched as on disk).</summary>
    public void CheckFiles(string label, params string[] folders)
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                byte[] bytes;
                try
                {
                    bytes = File.ReadAllBytes(file);
                }
                catch (IOException)
                {
                    continue; // a -wal or -shm file checkpointed away between listing and reading
                }
                if (file.EndsWith("-wal", StringComparison.Ordinal) && bytes.Length > 0) WalSnapshots++;
                Check($"{label}: {Path.GetFileName(folder)}/{Path.GetRelativePath(folder, file)}", Encoding.Latin1.GetString(bytes));
            }
        }
    }

    /// <summary>Reads the folder's files every 100 ms until cancelled: the journal's -wal and -shm exist only while a run writes.</summary>
    public async Task WatchAsync(string label, string folder, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            CheckFiles(label, folder);
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private IEnumerable<(int Plant, int Offset)> Runs(string text)
    {
        foreach (var p in _whole.Where(p => text.Contains(_plants[p].Value, StringComparison.Ordinal))) yield return (p, 0);
        var lookup = _runs.GetAlternateLookup<ReadOnlySpan<char>>();
        var found = new HashSet<(int, int)>();
        for (var i = 0; i + LeakCheck.Window <= text.Length; i++)
        {
            if (lookup.TryGetValue(text.AsSpan(i, LeakCheck.Window), out var hit) && found.Add((hit.Plant, 0))) yield return hit;
        }
    }

    /// <summary>The text once JSON (<c>\u002B</c>) and HTML (<c>&amp;#x2B;</c>) escapes are undone.</summary>
    private static string Unescaped(string text) =>
        WebUtility.HtmlDecode(JsonEscape().Replace(text, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString()).Replace("\\/", "/", StringComparison.Ordinal));

    [GeneratedRegex(@"\\u([0-9A-Fa-f]{4})")]
    private static partial Regex JsonEscape();
}
