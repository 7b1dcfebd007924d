namespace ConcurrencyDemo.Timelines;

/// <summary>
/// One item of a run as a timeline sees it: the fields every result of the project shares, whatever its
/// workload and whichever front end read it (a result object, a PowerShell object, a row of Import-Csv).
/// The timeline knows nothing of how items run; it only measures and draws the intervals they recorded,
/// all in seconds from the start of their run.
/// </summary>
public sealed record TimelineItem
{
    /// <summary>The names of the common fields, in the results' own order: what every reader looks for.</summary>
    public static IReadOnlyList<string> CommonFieldNames { get; } =
    [
        nameof(RunId), nameof(Workload), nameof(Mode), nameof(ThrottleLimit), nameof(Index), nameof(Label),
        nameof(StartSeconds), nameof(EndSeconds), nameof(DurationSeconds), nameof(Worker), nameof(WorkerStartSeconds),
        nameof(WorkerReadySeconds), nameof(ThreadId), nameof(ProcessId), nameof(WorkerHost), nameof(Success),
        nameof(Failure), nameof(Error),
    ];

    /// <summary>Without these a result cannot be placed on a timeline: which run, when, and in which lane.</summary>
    public static IReadOnlyList<string> RequiredFieldNames { get; } = [nameof(RunId), nameof(StartSeconds), nameof(EndSeconds), nameof(Worker)];

    public string RunId { get; init; } = "";
    public string Workload { get; init; } = "";

    /// <summary>The execution mode's name (Sequential, Thread, ...), as text: the timeline draws any run alike.</summary>
    public string Mode { get; init; } = "";

    public int ThrottleLimit { get; init; }
    public int Index { get; init; }
    public string Label { get; init; } = "";
    public double StartSeconds { get; init; }
    public double EndSeconds { get; init; }
    public double DurationSeconds { get; init; }

    /// <summary>The lane: a thread, a pool thread, a worker process or a task. One row of a chart.</summary>
    public string Worker { get; init; } = "";

    public double WorkerStartSeconds { get; init; }
    public double WorkerReadySeconds { get; init; }
    public int ThreadId { get; init; }
    public int ProcessId { get; init; }
    public string WorkerHost { get; init; } = "";
    public bool Success { get; init; } = true;
    public string Failure { get; init; } = "";
    public string Error { get; init; } = "";

    /// <summary>What a trace event or a tooltip calls the item: its label, or "item N" when it has none.</summary>
    public string DisplayName => Label.Length > 0 ? Label : "item " + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Every field of the result in its order, the workload's own included (sizes, stage times, URLs): what a
    /// tooltip or a trace event shows of the item. Empty when the reader kept none.
    /// </summary>
    public IReadOnlyList<TimelineField> Fields { get; init; } = [];

    /// <summary><see cref="Fields"/>, or the common fields when the reader kept none.</summary>
    public IReadOnlyList<TimelineField> DescribedFields() => Fields.Count > 0 ? Fields :
    [
        new(nameof(RunId), RunId), new(nameof(Workload), Workload), new(nameof(Mode), Mode), new(nameof(ThrottleLimit), ThrottleLimit),
        new(nameof(Index), Index), new(nameof(Label), Label), new(nameof(StartSeconds), StartSeconds), new(nameof(EndSeconds), EndSeconds),
        new(nameof(DurationSeconds), DurationSeconds), new(nameof(Worker), Worker), new(nameof(WorkerStartSeconds), WorkerStartSeconds),
        new(nameof(WorkerReadySeconds), WorkerReadySeconds), new(nameof(ThreadId), ThreadId), new(nameof(ProcessId), ProcessId),
        new(nameof(WorkerHost), WorkerHost), new(nameof(Success), Success), new(nameof(Failure), Failure), new(nameof(Error), Error),
    ];
}
