using System.Text.Json;

namespace ConcurrencyDemo.Cli.Tests;

/// <summary>The worker's stdout is the protocol's alone: every line must be a protocol message.</summary>
public sealed class WorkerLoopCommandTests
{
    [Fact]
    public void Worker_SaysReady_AndStopsWhenStdinCloses()
    {
        var run = CliProgram.Run("worker");

        Assert.Equal(0, run.ExitCode);
        using var ready = JsonDocument.Parse(Assert.Single(run.StdoutLines));
        Assert.Equal("ready", ready.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Worker_RunsAnItem_WritingOnlyProtocolLinesToStdout()
    {
        using var process = System.Diagnostics.Process.Start(CliProgram.CreateStartInfo(["worker"]))!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write("{\"type\":\"init\",\"workload\":\"Sleep\",\"settings\":[0.01]}\n{\"type\":\"run\",\"index\":0}\n");
        process.StandardInput.Close();
        string stdout = await process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(30_000), "The worker did not stop after stdin closed.");

        Assert.Equal(0, process.ExitCode);
        var types = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("type").GetString())
            .ToList();
        Assert.Equal("ready", types[0]);
        Assert.Contains("started", types);
        Assert.Equal("finished", types[^1]);
        Assert.Equal("", await stderr);
    }
}
