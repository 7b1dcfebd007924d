namespace ConcurrencyDemo.Messages;

/// <summary>
/// Turns an engine's ArgumentException into a sentence about a cmdlet parameter. .NET appends
/// " (Parameter 'seconds')" and "Actual value was ..." to the message, naming the engine's C#
/// argument rather than the parameter the user typed, so that tail is cut and the parameter named instead.
/// </summary>
internal static class ArgumentErrorMessage
{
    public static string ForParameter(string parameterName, ArgumentException exception) =>
        $"Invalid -{parameterName}: {WithoutArgumentName(exception)}";

    public static string WithoutArgumentName(ArgumentException exception)
    {
        string message = exception.Message;
        if (exception.ParamName is { Length: > 0 } name)
        {
            int at = message.IndexOf($" (Parameter '{name}')", StringComparison.Ordinal);
            if (at >= 0) message = message[..at];
        }
        // ArgumentOutOfRangeException puts "Actual value was ..." on a line of its own.
        int newline = message.IndexOfAny(['\r', '\n']);
        return (newline >= 0 ? message[..newline] : message).Trim();
    }
}
