namespace ConcurrencyDemo.Imaging.Pipeline;

/// <summary>
/// A conversion option that cannot work. <see cref="ArgumentException.ParamName"/> is the option's name
/// (BlurRadius, MaxSize, Quality, OutputFormat), and the message is the reason alone: .NET would otherwise
/// append the parameter and the actual value, which every front end, naming the option its own way, would
/// have to cut off again.
/// </summary>
public sealed class InvalidOptionException(string option, object? value, string reason)
    : ArgumentOutOfRangeException(option, value, reason)
{
    public override string Message { get; } = reason;
}
