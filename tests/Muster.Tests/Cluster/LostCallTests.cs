using Muster.Cluster.Coordinator;
using Muster.Engine.Plans;
using Muster.Model;
using Muster.Tests.Engine;

namespace Muster.Tests.Cluster;

/// <summary>
/// Calls to a healthy worker that are lost on the way (as when the gateway they went through is SIGKILLed) are asked
/// again, not taken for the worker's death: the agent is neither re-run nor failed "worker lost".
/// </summary>
public sealed class LostCallTests(TestWorkers workers) : IClassFixture<TestWorkers>
{
    private const string OnB = """
        name: lossy
        waves:
          - name: w
            agents:
              - {id: on-b, kind: sleep, on: {host: b}, with: {duration: 2s}}
        """;

    [Theory]
    [InlineData("poll", 1, LostMessage.Reply)]
    [InlineData("poll", 1, LostMessage.Request)]
    [InlineData("start", 0, LostMessage.Reply)]
    [InlineData("start", 0, LostMessage.Request)]
    public async Task A_lost_call_to_a_worker_that_still_answers_keeps_the_attempt_on_it(string call, int which, LostMessage lost)
    {
        var network = new LossyClusterClient(workers.Cluster.Client, (worker, c, n) => worker == "Silo_3" && c == call && n == which ? lost : LostMessage.None);
        var directory = new WorkerDirectory(network);
        var observer = new RecordingObserver();

        var outcome = await workers.RunAsync(OnB, observer, directory: directory).WaitAsync(TimeSpan.FromSeconds(60));

        var onB = outcome.Agents.Single();
        Assert.True(AgentState.Succeeded == onB.State, onB.Error);
        Assert.Equal("b", onB.Result.Host);
        Assert.DoesNotContain(observer.Transitions, t => t.Note?.Contains("worker-lost", StringComparison.Ordinal) == true);
        Assert.False(directory.IsLost("Silo_3"));
        Assert.Equal(1, network.Arrived("Silo_3", "start"));
    }

    [Fact]
    public async Task A_worker_that_stops_answering_is_lost_though_it_is_still_an_active_member()
    {
        var network = new LossyClusterClient(workers.Cluster.Client, (worker, c, n) =>
            worker == "Silo_3" && ((c == "poll" && n >= 1) || (c == "describe" && n >= 1)) ? LostMessage.Request : LostMessage.None);
        var directory = new WorkerDirectory(network);

        var outcome = await workers.RunAsync(OnB, directory: directory).WaitAsync(TimeSpan.FromSeconds(60));

        var onB = outcome.Agents.Single();
        Assert.Equal(AgentState.Failed, onB.State);
        Assert.Contains("worker lost: worker Silo_3 (host b) lost: TimeoutException", onB.Error);
        Assert.True(directory.IsLost("Silo_3"));
    }

    [Fact]
    public async Task A_live_member_whose_description_is_lost_once_stays_listed()
    {
        var network = new LossyClusterClient(workers.Cluster.Client, (worker, c, n) => worker == "Silo_3" && c == "describe" && n == 1 ? LostMessage.Request : LostMessage.None);
        var directory = new WorkerDirectory(network);

        Assert.Contains(await directory.ListAsync(fresh: true), w => w.WorkerId == "Silo_3");
        Assert.Contains(await directory.ListAsync(fresh: true), w => w.WorkerId == "Silo_3");
        Assert.Equal(1, network.Arrived("Silo_3", "describe")); // the second was lost, and the worker stayed listed
    }

    [Fact]
    public async Task A_start_that_arrives_twice_runs_the_attempt_once()
    {
        var spec = new PlanParser(workers.Registry).Parse(OnB, "p.yaml").AllAgents.Single();
        var request = workers.Attempt(spec, "twice", "twice");
        var grain = workers.Directory.Worker("Silo_3");

        Assert.Null(await grain.StartAsync(request));
        Assert.Null(await grain.StartAsync(request));
        Assert.Equal(1, workers.Runtime("Silo_3").Running);
        await grain.ReleaseAsync("twice");
    }
}
