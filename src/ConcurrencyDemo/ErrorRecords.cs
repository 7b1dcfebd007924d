using System.Management.Automation;
using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Messages;
using ConcurrencyDemo.Workers;

namespace ConcurrencyDemo;

/// <summary>
/// Every ErrorRecord the module writes is made here, so that a kind of failure always gets the same error
/// id and category: a script can test <c>$_.FullyQualifiedErrorId</c> or <c>$_.CategoryInfo.Category</c>
/// rather than the words of a message.
/// </summary>
internal static class ErrorRecords
{
    /// <summary>
    /// Non-terminating: one failed item must not hide the timings of the others. The error id is the failure's
    /// kind (WorkerDied, InvalidInput, ...); the result is the target, so $Error shows which item it was.
    /// </summary>
    public static ErrorRecord ItemFailed(ItemResult result) =>
        new(new ItemFailedException(BatchMessages.ItemFailed(result), result), result.Failure.ToString(), CategoryOf(result.Failure), result);

    /// <summary>A parameter whose value the workload refused, named as the user typed it.</summary>
    public static ErrorRecord InvalidParameter(string parameterName, string message, object? target) =>
        // Not the (message, paramName) constructor: it appends "(Parameter 'Count')" to the message.
        new(new ArgumentException(ArgumentErrorMessage.ForParameter(parameterName, message)), "Invalid" + parameterName, ErrorCategory.InvalidArgument, target);

    /// <summary>An input path that names no file: non-terminating, the others still go on.</summary>
    public static ErrorRecord InputNotFound(string path, string message) =>
        new(new ItemNotFoundException(message), "InputNotFound", ErrorCategory.ObjectNotFound, path);

    public static ErrorRecord InputNotAFile(string path) =>
        new(new IOException($"'{path}' is a folder, not a file."), "InputIsAFolder", ErrorCategory.InvalidArgument, path);

    /// <summary>An input the batch refuses before it runs (its output would replace it, or another input's output).</summary>
    public static ErrorRecord InputRefused(string path, string message) =>
        new(new ArgumentException(message), "OutputClash", ErrorCategory.InvalidArgument, path);

    /// <summary>A URL that cannot be downloaded (not absolute http or https): non-terminating, the others still go on.</summary>
    public static ErrorRecord UriRefused(string uri, string message) =>
        new(new ArgumentException(message), "InvalidUri", ErrorCategory.InvalidArgument, uri);

    /// <summary>The destination folder cannot be made or used: nothing can be converted or downloaded.</summary>
    public static ErrorRecord DestinationUnusable(string path, string message) =>
        new(new IOException(message), "DestinationUnusable", ErrorCategory.WriteError, path);

    /// <summary>A port on which no demo photo site of this process listens: non-terminating, the other ports still go on.</summary>
    public static ErrorRecord DemoImageServerNotFound(int port) =>
        new(new ItemNotFoundException($"No demo image server of this PowerShell process listens on port {port}; Get-DemoImageServer lists the running ones."),
            "DemoImageServerNotFound", ErrorCategory.ObjectNotFound, port);

    public static ErrorRecord InvalidWorkerHostSetting(WorkerHostSettingException exception) =>
        new(exception, "InvalidWorkerHostSetting", ErrorCategory.InvalidArgument, WorkerHostSetting.VariableName);

    /// <summary>An input a timeline cmdlet cannot read as a result: non-terminating, the other inputs still count.</summary>
    public static ErrorRecord InvalidTimelineInput(object input, string commandName, string problem) =>
        new(new ArgumentException($"{commandName} cannot use this input: {problem}. It reads the results of the module's cmdlets " +
                                  "(Invoke-SleepDemo, Convert-ImageBatch, ...), also as Import-Csv rows of an Export-Csv of them."),
            "InvalidTimelineInput", ErrorCategory.InvalidData, input);

    /// <summary>Nothing came to draw: an export writes no empty file.</summary>
    public static ErrorRecord NoTimelineInput(string path) =>
        new(new InvalidOperationException($"No results came to export, so '{path}' was not written. Pipe the results of a cmdlet of the module to it."),
            "NoTimelineInput", ErrorCategory.InvalidOperation, path);

    /// <summary>The file to write cannot be named so: no format, a folder, a folder that does not exist, not a file-system path.</summary>
    public static ErrorRecord OutputPathUnusable(string path, string message) =>
        new(new ArgumentException(message), "OutputPathUnusable", ErrorCategory.InvalidArgument, path);

    /// <summary>-NoClobber and the file is there, as Export-Csv reports it.</summary>
    public static ErrorRecord OutputExists(string path) =>
        new(new IOException($"The file '{path}' already exists; -NoClobber keeps it. Leave out -NoClobber to replace it."),
            "NoClobber", ErrorCategory.ResourceExists, path);

    /// <summary>A read-only file, which only -Force replaces, as Export-Csv has it.</summary>
    public static ErrorRecord OutputReadOnly(string path) =>
        new(new UnauthorizedAccessException($"The file '{path}' is read-only; -Force replaces it."), "FileReadOnly", ErrorCategory.PermissionDenied, path);

    public static ErrorRecord OutputWriteFailed(string path, Exception exception) =>
        new(new IOException($"Cannot write '{path}': {exception.Message}", exception), "OutputWriteFailed", ErrorCategory.WriteError, path);

    private static ErrorCategory CategoryOf(FailureKind kind) => kind switch
    {
        FailureKind.InvalidInput => ErrorCategory.InvalidData,
        FailureKind.OutputExists => ErrorCategory.ResourceExists,
        FailureKind.Cancelled => ErrorCategory.OperationStopped,
        FailureKind.WorkerDied => ErrorCategory.ResourceUnavailable,
        FailureKind.WorkerNotStarted => ErrorCategory.ResourceUnavailable,
        FailureKind.TimedOut => ErrorCategory.OperationTimeout,
        FailureKind.NotFound => ErrorCategory.ObjectNotFound,
        FailureKind.HttpError => ErrorCategory.ProtocolError,
        FailureKind.ConnectionFailed => ErrorCategory.ConnectionError,
        FailureKind.TooLarge => ErrorCategory.LimitsExceeded,
        _ => ErrorCategory.NotSpecified,
    };
}
