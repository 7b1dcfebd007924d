using ConcurrencyDemo.Tests.Common;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ConcurrencyDemo.Cli.Tests;

public sealed partial class StopSignalTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Stopping must not wait for the 30-second sleeps; a few seconds covers killing workers on a busy machine.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    [UnixFact]
    public void CtrlC_StopsAProcessRun_WithExitCode130_AndLeavesNoWorkerBehind()
    {
        using var cli = RunningCli.Start("sleep", "--count", "4", "--seconds", "30", "--mode", "process", "--throttle-limit", "4", "--verbose");
        cli.WaitForStderr(lines => lines.Count(l => l.Contains("Sleeping 30 second(s)")) == 4, StartTimeout);
        var workerIds = cli.StderrSeen.Select(l => WorkerReadyLine().Match(l)).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(4, workerIds.Count);
        Assert.All(workerIds, id => Assert.True(ProcessProbe.IsAlive(id), $"Worker {id} is not running before the signal."));

        cli.Signal(RunningCli.SIGINT);

        Assert.Equal(130, cli.WaitForExit(StopTimeout));
        Assert.Contains("Cancelled.", cli.StderrSeen);
        Assert.DoesNotContain(cli.StderrSeen, l => l.Contains("   at "));
        Assert.DoesNotContain(cli.Stdout.Split('\n'), l => l.EndsWith("OK", StringComparison.Ordinal));
        Assert.Empty(WorkersStillAlive(workerIds));
    }

    [UnixFact]
    public void Sigterm_StopsAThreadRun_WithExitCode143()
    {
        using var cli = RunningCli.Start("sleep", "--count", "3", "--seconds", "30", "--mode", "thread", "--verbose");
        cli.WaitForStderr(lines => lines.Count(l => l.Contains("Sleeping 30 second(s)")) == 3, StartTimeout);

        cli.Signal(RunningCli.SIGTERM);

        Assert.Equal(143, cli.WaitForExit(StopTimeout));
        Assert.Contains("Cancelled.", cli.StderrSeen);
    }

    /// <summary>The CLI kills its workers before it exits; a short grace covers the kernel tearing them down.</summary>
    private static List<int> WorkersStillAlive(List<int> workerIds)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        List<int> alive;
        while ((alive = workerIds.Where(ProcessProbe.IsAlive).ToList()).Count > 0 && DateTime.UtcNow < deadline)
            Thread.Sleep(100);
        return alive;
    }

    [GeneratedRegex(@"worker process (\d+) ready")]
    private static partial Regex WorkerReadyLine();
}
