namespace ConcurrencyDemo.Messages;

/// <summary>A refused value, said as a sentence about the cmdlet parameter the user typed.</summary>
internal static class ArgumentErrorMessage
{
    public static string ForParameter(string parameterName, string message) => $"Invalid -{parameterName}: {message}";
}
