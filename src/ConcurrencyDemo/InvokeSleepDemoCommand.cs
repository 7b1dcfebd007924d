using System.Management.Automation;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Workloads;
using ConcurrencyDemo.Messages;
using ConcurrencyDemo.Sleep;

namespace ConcurrencyDemo;

/// <summary>
/// Invoke-SleepDemo: the classic demo, in which ten one-second sleeps take ten seconds one after another and
/// about one second on threads. Each item's result says when it started and ended, on which thread and in
/// which process, so Format-Table, Export-Csv and Group-Object can show how the modes differ.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "SleepDemo")]
[OutputType(typeof(SleepResult))]
public sealed class InvokeSleepDemoCommand : BatchCmdletBase
{
    private readonly SleepSecondsInput _input = new();

    /// <summary>How many items sleep -Seconds each; only with a single -Seconds value.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int Count { get; set; } = 10;

    /// <summary>
    /// One value: the length of each of -Count items. Several values, or values from the pipeline: one item
    /// each. By property name SleepSeconds, so earlier results (or Import-Csv of them) can be run again.
    /// </summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SleepSeconds")]
    [ValidateNotNullOrEmpty]
    [ValidateRange(0.0, SleepWorkload.MaxSeconds)]
    public double[]? Seconds { get; set; }

    protected override void ProcessRecord() => _input.Add(Seconds);

    /// <summary>The batch needs every item before it starts, so it runs once all input has arrived.</summary>
    protected override void EndProcessing() => RunBatches(CreateWorkload());

    private SleepWorkload CreateWorkload()
    {
        try
        {
            return _input.CreateWorkload(Count, MyInvocation.BoundParameters.ContainsKey(nameof(Count)), MyInvocation.ExpectingInput);
        }
        catch (ArgumentException ex)
        {
            string parameter = ex.ParamName ?? SleepSecondsInput.SecondsParameter;
            object target = parameter == SleepSecondsInput.CountParameter ? Count : _input.Seconds.ToArray();
            ThrowTerminatingError(new ErrorRecord(
                // Not the (message, paramName) constructor: it appends "(Parameter 'Count')" to the message.
                new ArgumentException(ArgumentErrorMessage.ForParameter(parameter, ex), ex),
                "Invalid" + parameter,
                ErrorCategory.InvalidArgument,
                target));
            throw; // ThrowTerminatingError never returns; the compiler cannot know.
        }
    }
}
