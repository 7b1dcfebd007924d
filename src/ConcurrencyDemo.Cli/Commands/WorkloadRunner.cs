using ConcurrencyDemo.Cli.Output;
using ConcurrencyDemo.Cli.Signals;
using ConcurrencyDemo.Engine;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.WorkerProcesses;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// Runs one workload in each requested mode (the engine runs them one after another), streaming every
/// result as it comes. This thread is the engine's event pump, so every write to stdout and stderr happens here.
/// </summary>
public static class WorkloadRunner
{
    /// <param name="describeFailure">One stderr line for a failed item (see <see cref="ResultStreamingSink"/>); null for none.</param>
    public static int Run(Workload workload, RunOptions options, Func<ItemResult, string>? describeFailure = null)
    {
        var timelines = TimelineOutputs.Prepare(options);
        var output = CreateWriter(workload, options);
        // The results are kept only for a timeline to draw; otherwise each one is written and let go.
        var recorder = timelines.Wanted ? new RecordingResultWriter(output) : null;
        IResultWriter writer = recorder ?? output;
        var reporter = StderrReporter.ForConsole(options.Verbose);
        using var signals = new StopSignals();
        var request = new BatchRequest
        {
            Workload = workload,
            Modes = options.Modes,
            ThrottleLimit = options.ThrottleLimit,
            Ordered = options.Ordered,
            WorkerCommand = options.Modes.Contains(ExecutionMode.Process) ? WorkerCommand.ForCurrentProgram(WorkerLoopCommand.Name) : null,
        };
        IReadOnlyList<RunSummary> summaries;
        try
        {
            summaries = BatchRunner.Run(request, new ResultStreamingSink(writer, reporter, describeFailure, signals.Token), signals.Token);
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            reporter.ClearProgress();
            Console.Out.Flush();
            Console.Error.WriteLine("Cancelled.");
            return signals.ExitCode;
        }
        writer.Complete(summaries);
        if (recorder is not null)
        {
            // After a table on stdout; on stderr when stdout carries csv or json.
            bool afterTable = options.Format == OutputFormat.Table;
            timelines.Write(recorder.Results, afterTable ? Console.Out : Console.Error,
                afterTable ? Console.IsOutputRedirected : Console.IsErrorRedirected, Console.Error);
        }
        return summaries.Any(s => s.Failed > 0) ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static IResultWriter CreateWriter(Workload workload, RunOptions options) => options.Format switch
    {
        OutputFormat.Csv => new CsvResultWriter(Console.Out, workload.ResultType),
        OutputFormat.Json => new JsonLinesResultWriter(Console.Out, workload.ResultType),
        _ => new TableResultWriter(Console.Out, ResultTables.For(workload.ResultType, WidestLabel(workload), WidestWorkerName(workload, options))),
    };

    private static int WidestLabel(Workload workload)
    {
        int widest = 0;
        for (int i = 0; i < workload.Count; i++) widest = Math.Max(widest, workload.GetLabel(i).Length);
        return widest;
    }

    /// <summary>Thread and Async lanes are numbered per item ("Thread-1000"), the others per lane; the item count bounds both.</summary>
    private static int WidestWorkerName(Workload workload, RunOptions options) =>
        ("Thread-" + Math.Max(workload.Count, options.ThrottleLimit)).Length;
}
