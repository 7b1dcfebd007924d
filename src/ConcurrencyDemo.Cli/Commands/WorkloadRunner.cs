using ConcurrencyDemo.Cli.Output;
using ConcurrencyDemo.Cli.Signals;
using ConcurrencyDemo.Engine;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.WorkerProcesses;
using ConcurrencyDemo.Engine.Workloads;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// Runs one workload in each requested mode, one run after another, streaming every result as it
/// comes. This thread is the engine's event pump, so every write to stdout and stderr happens here.
/// </summary>
public static class WorkloadRunner
{
    /// <param name="describeFailure">One stderr line for a failed item (see <see cref="ResultStreamingSink"/>); null for none.</param>
    public static int Run(Workload workload, RunOptions options, Func<ItemResult, string>? describeFailure = null)
    {
        var writer = CreateWriter(workload, options);
        var reporter = StderrReporter.ForConsole(options.Verbose);
        var summaries = new List<RunSummary>();

        using var signals = new StopSignals();
        var sink = new ResultStreamingSink(writer, reporter, describeFailure, signals.Token);
        try
        {
            foreach (var mode in options.Modes)
            {
                signals.Token.ThrowIfCancellationRequested();
                var request = new BatchRequest
                {
                    Workload = workload,
                    Mode = mode,
                    ThrottleLimit = options.ThrottleLimit,
                    Ordered = options.Ordered,
                    WorkerCommand = mode == ExecutionMode.Process ? WorkerCommand.ForCurrentProgram("worker") : null,
                };
                writer.BeginRun(mode);
                var summary = BatchRunner.Run(request, sink, signals.Token);
                reporter.ClearProgress();
                writer.EndRun(summary);
                summaries.Add(summary);
            }
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            reporter.ClearProgress();
            Console.Out.Flush();
            Console.Error.WriteLine("Cancelled.");
            return signals.ExitCode;
        }
        writer.Complete(summaries);
        return summaries.Any(s => s.Failed > 0) ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static IResultWriter CreateWriter(Workload workload, RunOptions options)
    {
        var resultType = workload.ResultType;
        return options.Format switch
        {
            OutputFormat.Csv => new CsvResultWriter(Console.Out, resultType),
            OutputFormat.Json => new JsonLinesResultWriter(Console.Out, resultType),
            _ => new TableResultWriter(Console.Out, TableColumnsFor(workload, options)),
        };
    }

    private static IReadOnlyList<TableColumn> TableColumnsFor(Workload workload, RunOptions options) => workload switch
    {
        ConvertWorkload => ConvertTableColumns.For(WidestLabel(workload), WidestWorkerName(workload, options)),
        _ => ItemTableColumns.Timeline(WidestLabel(workload), WidestWorkerName(workload, options)),
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
