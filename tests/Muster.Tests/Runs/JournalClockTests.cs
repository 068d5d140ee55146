using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Muster.Engine;
using Muster.Engine.Journal;

namespace Muster.Tests.Runs;

/// <summary>The journal stamps times from the engine's TimeProvider, never the wall clock (issue 11 step 4).</summary>
public sealed class JournalClockTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-journal-clock-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Every_time_the_journal_records_comes_from_the_engine_clock()
    {
        var start = new DateTimeOffset(2031, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        var harness = new Muster.Tests.Engine.EngineHarness().Kind("ok", (_, _) => Task.FromResult(Muster.Model.AgentResult.Empty("ok")));
        var host = new RunHost(harness.Registry, new EngineOptions { Time = time }, Muster.Agents.NoSecretScrubber.Instance);

        await host.StartAsync(harness.Plan("name: p\nwaves:\n  - name: w\n    agents: [{id: a, kind: ok}]\n"), _dir, _dir,
            new Dictionary<string, string>(), [], CancellationToken.None, "clocked");

        using var connection = new SqliteConnection($"Data Source={Path.Combine(_dir, RunJournal.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT started_at FROM runs UNION ALL SELECT finished_at FROM runs UNION ALL SELECT started_at FROM waves
            UNION ALL SELECT finished_at FROM waves UNION ALL SELECT updated_at FROM agents UNION ALL SELECT at FROM transitions
            """;
        using var reader = command.ExecuteReader();
        var stamps = new List<DateTimeOffset>();
        while (reader.Read()) stamps.Add(DateTimeOffset.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(stamps.Count >= 6, $"only {stamps.Count} times recorded");
        Assert.All(stamps, at => Assert.Equal(start, at));
    }
}
